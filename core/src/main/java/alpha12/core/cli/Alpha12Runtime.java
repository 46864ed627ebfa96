package alpha12.core.cli;

import alpha12.core.config.Config;
import alpha12.core.config.ConfigException;
import alpha12.core.config.ConfigKeys;
import alpha12.core.config.ConfigLoader;
import alpha12.core.market.KlineSource;
import alpha12.core.market.MarketDataException;
import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Alpha12 command starts from: the configuration (read once, validated before any work),
 * logging, the clock ({@code --now} or an offline source's data end), the runs/ store and the kline source.
 */
public record Alpha12Runtime(String program, Config config, Clock clock, RunsStore store, KlineSource source,
                             Optional<Instant> replayTo) {

    private static final Logger LOG = LoggerFactory.getLogger(Alpha12Runtime.class);
    /**
     * {@code -Dalpha12.logging=keep} leaves the logging configuration as found: the test suites set it so
     * that commands run in process log through the tests' logback-test.xml, not to the console.
     */
    public static final String KEEP_LOGGING_PROPERTY = "alpha12.logging";

    /**
     * @throws ConfigException for any bad setting, before anything is written
     */
    public static Alpha12Runtime start(String program, CommonOptions options) {
        return start(program, options, options.once());
    }

    /**
     * For one-shot subcommands ({@code train}, {@code list}, …): like {@code --once}, a simulated clock stands
     * still at {@code --now} (or an offline source's data end).
     */
    public static Alpha12Runtime startCommand(String program, CommonOptions options) {
        return start(program, options, true);
    }

    private static Alpha12Runtime start(String program, CommonOptions options, boolean oneShot) {
        ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv(), options.envFile(), options.overrides());
        Config config = loaded.config();
        try {
            Files.createDirectories(config.runsDir());
        } catch (IOException e) {
            throw new ConfigException(ConfigKeys.RUNS_DIR + "=" + config.runsDir() + " is not valid: cannot create it ("
                    + e.getMessage() + "); accepted: a folder this user can write");
        }
        if (!"keep".equals(System.getProperty(KEEP_LOGGING_PROPERTY))) {
            LogSetup.configure(program, config.logDir(), System.getenv());
        }
        loaded.warnings().forEach(LOG::warn);
        // The kline cache only needs a store for its own files; the run's clock depends on the source.
        KlineSource source = KlineSources.open(config, new RunsStore(config.runsDir(), Clock.systemUTC()));
        Clock clock = options.replayTo().isPresent()
                ? replayClock(config, options.replayTo().get(), source)
                : Clocks.resolve(config.now(), config.now().isPresent() ? Optional.empty() : dataEnd(source), oneShot);
        LOG.info("{} {}: source {}, runs dir {}, symbols {}{}", program, VersionInfo.version(), source.name(),
                config.runsDir().toAbsolutePath(), config.symbols(),
                clock.equals(Clock.systemUTC()) ? "" : ", clock starts at " + clock.instant());
        return new Alpha12Runtime(program, config, clock, new RunsStore(config.runsDir(), clock), source,
                options.replayTo());
    }

    /** Where an offline source's data ends: the clock's start when no --now is given. */
    private static Optional<Instant> dataEnd(KlineSource source) {
        try {
            return source.dataEnd();
        } catch (MarketDataException e) {
            throw new ConfigException("--source " + source.name() + " is not usable: " + e.getMessage()
                    + "; accepted: valid Binance klines, or --now <instant> to start the clock without reading them all");
        }
    }

    private static SteppingClock replayClock(Config config, Instant to, KlineSource source) {
        Instant from = config.now().orElseThrow(() -> new ConfigException("--replay-to=" + to + " is not valid "
                + "without --now; accepted: --now <start> --replay-to <end> with an offline source"));
        if (!to.isAfter(from)) {
            throw new ConfigException("--replay-to=" + to + " is not valid; accepted: an instant after --now " + from);
        }
        if (!config.source().isOffline() && !config.binanceBaseUrl().getHost().equals("localhost")
                && !config.binanceBaseUrl().getHost().startsWith("127.")) {
            LOG.warn("replaying against the live exchange {}: every cycle fetches real klines",
                    config.binanceBaseUrl());
        }
        return new SteppingClock(from);
    }
}
