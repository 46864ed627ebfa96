package alpha12.core.cli;

import alpha12.core.config.CliOverrides;
import alpha12.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every Alpha12 jar and subcommand accepts (a picocli mixin). */
public class CommonOptions {

    @Option(names = "--once", description = "Run one cycle, then exit 0.")
    boolean once;

    @Option(names = "--source", paramLabel = "SRC",
            description = "Kline source: binance, sample (bundled offline data) or csv:<dir>. Default: binance.")
    String source;

    @Option(names = "--symbols", paramLabel = "SYMBOLS", split = ",",
            description = "Symbols, comma-separated (overrides ALPHA12_SYMBOL), e.g. BTCUSDT,ETHUSDT.")
    List<String> symbols;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Folder shared by the daemons. Default: runs.")
    Path runsDir;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file. Default: .env if present.")
    Path envFile;

    @Option(names = "--now", paramLabel = "ISO-8601",
            description = "Simulated clock: behave as if it were this instant (e.g. 2024-03-01T12:00:00Z); "
                    + "sources hide every bar not closed by then.")
    Instant now;

    @Option(names = "--replay-to", paramLabel = "ISO-8601",
            description = "Replay: with --now and an offline source, run the daemon's cycles on a simulated clock "
                    + "from --now to this instant; each pause advances the clock instead of sleeping.")
    Instant replayTo;

    public boolean once() {
        return once;
    }

    /** The end of a replay ({@code --replay-to}), if one was asked for. */
    public Optional<Instant> replayTo() {
        return Optional.ofNullable(replayTo);
    }

    public CliOverrides overrides() {
        return new CliOverrides(Optional.ofNullable(source), Optional.ofNullable(symbols),
                Optional.ofNullable(runsDir), Optional.ofNullable(now));
    }

    /** The env file to read: {@code --env-file} (which must exist) or {@code .env} when present. */
    public Optional<Path> envFile() {
        if (envFile != null) {
            if (!Files.isRegularFile(envFile)) {
                throw new ConfigException("--env-file=" + envFile + " is not valid; accepted: an existing file");
            }
            return Optional.of(envFile);
        }
        Path dotEnv = Path.of(".env");
        return Files.isRegularFile(dotEnv) ? Optional.of(dotEnv) : Optional.empty();
    }
}
