package alpha12.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay the concurrent and kill tests run: the three daemons over {@code stress.days} days (default 9)
 * of the bundled sample from 2024-03-01, on a simulated clock. The settings make every result a function of
 * the data alone, so any interleaving of the processes must give the same files:
 * <ul>
 *   <li>the analysis trains 15m only and autosignal trades 1h and 4h: autosignal scores with its own
 *       bootstrap models, never with one the analysis happens to have published by then, and the
 *       performance monitor finds no trades on 15m to judge;</li>
 *   <li>{@code VALID_BARS=1}: a setup is over by the next candle close of its interval, so the duplicate gate
 *       never depends on which statuses the tracker has written yet (it reads the tracker's output);</li>
 *   <li>small forests, one day of history, two folds: hundreds of trainings in seconds.</li>
 * </ul>
 * About 1,300 cycles at the default 9 days: 217 analysis cycles (ALPHA12_ANALYSIS_SLEEP=3600), 216 autosignal
 * wakes scoring 269 candles, 865 tracker polls (ALPHA12_SLEEP=900).
 */
final class StressReplay {

    static final String ANALYSIS = "background-analysis";
    static final String AUTOSIGNAL = "autosignal";
    static final String TRACKER = "tracker";
    static final List<String> DAEMONS = List.of(ANALYSIS, AUTOSIGNAL, TRACKER);
    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    /** Generous: a deadline against a hung process, not a speed requirement. */
    static final Duration DEADLINE = Duration.ofMinutes(10);

    static final String SETTINGS = """
            ALPHA12_SYMBOL=BTCUSDT
            ALPHA12_TRAINING_INTERVALS=15m
            ALPHA12_ANALYSIS_SLEEP=3600
            ALPHA12_ANALYSIS_DAYS=1
            ALPHA12_MODEL_MAX_AGE_HOURS=3
            ALPHA12_RF_TREES=20
            ALPHA12_CV_FOLDS=2
            ALPHA12_AUTOSIGNAL_INTERVALS=1h,4h
            MIN_CONF_ARM=0.5
            GATE_REGIME=0
            MAX_SETUPS_PER_DAY=0
            VALID_BARS=1
            ALPHA12_SLEEP=900
            """;

    private final String settings;
    private final Instant end;

    StressReplay(String settings, Duration length) {
        this.settings = settings;
        this.end = START.plus(length);
    }

    /** The standard replay, {@code -Dstress.days} long. */
    static StressReplay standard() {
        return new StressReplay(SETTINGS, Duration.ofDays(intProperty("stress.days", 9)));
    }

    static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not a whole number");
        }
    }

    Instant end() {
        return end;
    }

    /** Writes the settings to {@code <dir>/stress.env} and returns its path. */
    Path writeEnv(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("stress.env"), settings, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The daemon's command line for the whole replay; a restart uses the same one. */
    List<String> replayArgs(Path env, Path runs) {
        List<String> args = common(env, runs);
        args.addAll(List.of("--now", START.toString(), "--replay-to", end.toString()));
        return args;
    }

    /**
     * The tracker's poll at the replay's end, once. In a concurrent run the tracker may reach the end before
     * autosignal has written its last setups (their clocks run independently); live, its next poll would
     * pick them up, and this is that poll. Its replay is idempotent, so after a tracker that did see
     * everything it changes nothing.
     */
    List<String> finalTrackerPollArgs(Path env, Path runs) {
        List<String> args = common(env, runs);
        args.addAll(List.of("--once", "--now", end.toString()));
        return args;
    }

    private static List<String> common(Path env, Path runs) {
        return new ArrayList<>(List.of("--source", "sample", "--env-file", env.toString(), "--runs-dir",
                runs.toString()));
    }

    /** True when {@code file} was written at or after {@code since} (of a heartbeat: the daemon runs its loop). */
    static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file each daemon rewrites at every cycle. */
    static Path heartbeat(Path runs, String daemon) {
        return runs.resolve(switch (daemon) {
            case ANALYSIS -> "background_analysis_heartbeat.txt";
            case AUTOSIGNAL -> "autosignal_heartbeat.txt";
            case TRACKER -> "daemon_heartbeat.txt";
            default -> throw new IllegalArgumentException(daemon);
        });
    }
}
