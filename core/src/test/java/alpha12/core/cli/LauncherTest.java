package alpha12.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.config.Config;
import alpha12.core.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Exit codes and error lines of a daemon-like command, run through {@link Launcher}. */
class LauncherTest {

    @TempDir
    Path dir;

    /** What every daemon does first: load the configuration from its environment and options. */
    @Command(name = "tiny", mixinStandardHelpOptions = true, version = "tiny 1")
    static final class Tiny implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        final Map<String, String> env;
        Config config;

        Tiny(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            config = ConfigLoader.load(env, common.envFile(), common.overrides()).config();
            if (config.symbols().contains("CRASHUSDT")) {
                throw new IllegalStateException("boom");
            }
            return common.once() ? 0 : 3;
        }
    }

    private record Run(int exit, String out, String err, Tiny command) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Tiny tiny = new Tiny(env);
        int exit = Launcher.run("tiny", tiny, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString(), tiny);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("alpha12.core.config.BadConfigValues#cases")
    void aBadValueExits78WithOneLineBeforeAnyWork(String key, String value, String accepted) {
        Run run = run(Map.of(key, value), "--once");

        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.err()).isEqualTo("tiny: configuration error: " + key + "=" + value
                + " is not valid (from environment); accepted: " + accepted + System.lineSeparator());
        assertThat(run.command().config).as("no configuration, no work").isNull();
    }

    @Test
    void goodSettingsRunTheCommand() throws IOException {
        Path env = Files.writeString(dir.resolve("alpha12.env"), "ALPHA12_SYMBOL=ETHUSDT\n");

        Run run = run(Map.of(), "--once", "--env-file", env.toString(), "--source", "sample", "--runs-dir",
                dir.resolve("runs").toString(), "--now", "2024-03-01T12:00:00Z");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        Config config = run.command().config;
        assertThat(config.symbols()).containsExactly("ETHUSDT");
        assertThat(config.now()).contains(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(config.runsDir()).isEqualTo(dir.resolve("runs"));
    }

    @Test
    void symbolsOptionTakesACommaList() {
        Run run = run(Map.of("ALPHA12_SYMBOL", "SOLUSDT"), "--once", "--symbols", "BTCUSDT,ETHUSDT");

        assertThat(run.command().config.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void badOptionValuesAndEnvFileLinesExit78NamingThem() throws IOException {
        Run source = run(Map.of(), "--source", "kraken");
        assertThat(source.exit()).isEqualTo(78);
        assertThat(source.err()).isEqualTo("tiny: configuration error: --source=kraken is not valid; accepted: "
                + "binance, sample or csv:<dir>" + System.lineSeparator());

        Run missing = run(Map.of(), "--env-file", dir.resolve("nope.env").toString());
        assertThat(missing.exit()).isEqualTo(78);
        assertThat(missing.err()).startsWith("tiny: configuration error: --env-file=" + dir.resolve("nope.env")
                + " is not valid; accepted: an existing file");

        Path env = Files.writeString(dir.resolve("bad.env"), "ALPHA12_ANALYSIS_DAYS=-5\nALPHA12_SLEEP=2\n");
        Run file = run(Map.of(), "--env-file", env.toString());
        assertThat(file.exit()).isEqualTo(78);
        assertThat(file.err().lines()).containsExactly(
                "tiny: configuration error: ALPHA12_ANALYSIS_DAYS=-5 is not valid (from " + env
                        + "); accepted: a whole number of days from 1 to 3650",
                "tiny: configuration error: ALPHA12_SLEEP=2 is not valid (from " + env + "); accepted: a whole "
                        + "number of seconds (the tracker polls no faster than every 3 s) from 3 to 86400");

        Path unparsable = Files.writeString(dir.resolve("broken.env"), "ALPHA12_SYMBOL\n");
        Run broken = run(Map.of(), "--env-file", unparsable.toString());
        assertThat(broken.exit()).isEqualTo(78);
        assertThat(broken.err()).startsWith("tiny: configuration error: " + unparsable + " line 1 is not KEY=value");
    }

    @Test
    void anInvalidNowOrAnUnknownOptionIsAUsageError() {
        Run now = run(Map.of(), "--now", "yesterday");
        assertThat(now.exit()).isEqualTo(2);
        assertThat(now.err()).contains("--now", "yesterday").contains("Usage: tiny");
        assertThat(now.command().config).isNull();

        Run unknown = run(Map.of(), "--onse");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--onse'");
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run(Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--once", "--source", "--symbols", "--runs-dir", "--env-file", "--now");

        Run version = run(Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("tiny 1");
    }

    @Test
    void anUnexpectedFailureExitsOneAndTheCommandsOwnCodeIsKept() {
        assertThat(run(Map.of("ALPHA12_SYMBOL", "CRASHUSDT")).exit()).isEqualTo(1);
        assertThat(run(Map.of()).exit()).isEqualTo(3);
    }
}
