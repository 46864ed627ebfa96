package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.ModelUnavailableException;
import alpha12.core.runs.SignalsFile;
import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background analysis republishing BTCUSDT 1h every other hourly cycle (maximum age two hours: a
 * publication lost to a kill shifts every later one by a cycle — an odd number of them changes the last
 * one, which is compared) while
 * autosignal scores 1h candles with whatever is published, and the analysis is killed {@code
 * -Dstress.publicationKills} times (default 20): most kills follow, within 0–10 ms, the creation of a new
 * version folder — inside the publication — the others come at random instants. After every kill the
 * published model loads or nothing is published yet, never a half model; autosignal never fails to score
 * and never needs a model of its own; leftovers of killed publications do not pile up; and the analysis's
 * rows, snapshots and published model equal those of an uninterrupted run of the analysis alone.
 */
class ModelPublicationKillTest {

    static final String SETTINGS = """
            ALPHA12_SYMBOL=BTCUSDT
            ALPHA12_TRAINING_INTERVALS=1h
            ALPHA12_ANALYSIS_SLEEP=3600
            ALPHA12_ANALYSIS_DAYS=1
            ALPHA12_MODEL_MAX_AGE_HOURS=2
            ALPHA12_RF_TREES=20
            ALPHA12_CV_FOLDS=2
            ALPHA12_AUTOSIGNAL_INTERVALS=1h
            MIN_CONF_ARM=0.5
            GATE_REGIME=0
            MAX_SETUPS_PER_DAY=0
            VALID_BARS=1
            """;
    private static final String KEY = "BTCUSDT_1h";
    private static final Pattern VERSION = Pattern.compile(Pattern.quote(KEY) + "\\.\\d{8}T\\d{9}Z(-\\d{3})?");

    /** Kept after a failure, with the output of every process under its logs folders. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int maxVersionFolders;

    @Test
    void killsDuringPublicationsNeverLeaveAHalfModelAndChangeNothing() throws Exception {
        int wanted = StressReplay.intProperty("stress.publicationKills", 20);
        StressReplay replay = new StressReplay(SETTINGS,
                Duration.ofDays(StressReplay.intProperty("stress.publicationDays", 4)));
        Random random = new Random(StressReplay.intProperty("stress.seed", 12));

        Path refDir = dir.resolve("reference");
        Path refEnv = replay.writeEnv(refDir);
        JarProcess alone = JarProcess.start(StressReplay.ANALYSIS, replay.replayArgs(refEnv, refDir.resolve("runs")),
                refDir.resolve("logs"));
        assertThat(alone.awaitExit(StressReplay.DEADLINE)).as("the uninterrupted analysis\n%s", alone.tail(30))
                .isZero();
        RunsFolderCheck.Contents reference = RunsFolderCheck.verifyAnalysis(refDir.resolve("runs"));

        int kills = 0;
        for (int round = 1; kills < wanted; round++) {
            kills += round(replay, dir.resolve("round-" + round), wanted - kills, random, reference);
        }
        System.out.println("publication kills: " + kills + " " + outcomes + ", at most " + maxVersionFolders
                + " version folders at a time");
    }

    private int round(StressReplay replay, Path roundDir, int wanted, Random random,
                      RunsFolderCheck.Contents reference) throws Exception {
        Path env = replay.writeEnv(roundDir);
        Path runs = roundDir.resolve("runs");
        Path models = Files.createDirectories(runs.resolve(ModelStore.DIR));
        List<String> args = replay.replayArgs(env, runs);
        long started = System.nanoTime();
        JarProcess analysis = JarProcess.start(StressReplay.ANALYSIS, args, roundDir.resolve("logs"));
        JarProcess autosignal = null;
        int kills = 0;
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            models.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (kills < wanted) {
                boolean targeted = random.nextInt(4) != 0;
                // The first publication of this life, or a later one: the replay moves on between kills, and
                // sometimes the same publication is killed again and again (a crash loop).
                int publications = 1 + random.nextInt(3);
                if (!(targeted ? awaitNewVersions(watcher, analysis, publications)
                        : awaitRandomInstant(analysis, runs, random))) {
                    break; // the analysis finished its replay
                }
                if (targeted) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(10_000)));
                }
                analysis.kill();
                kills++;
                boolean published = inspectAfterKill(runs, models, targeted, analysis.startedAt());
                if (autosignal == null && published) {
                    // From here on autosignal always finds a whole model: it never trains its own.
                    autosignal = JarProcess.start(StressReplay.AUTOSIGNAL, args, roundDir.resolve("logs"));
                }
                drain(watcher);
                analysis.restart();
            }
            assertThat(analysis.awaitExit(StressReplay.DEADLINE)).as("the analysis's exit code").isZero();
            if (autosignal == null) {
                autosignal = JarProcess.start(StressReplay.AUTOSIGNAL, args, roundDir.resolve("logs"));
            }
            checkAfterwards(autosignal, runs, replay);
            RunsFolderCheck.assertSameContents(RunsFolderCheck.verifyAnalysis(runs), reference,
                    "the analysis killed " + kills + " times");
            System.out.println(roundDir.getFileName() + ": " + kills + " kills, analysis lives " + analysis.lives()
                    + ", in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            return kills;
        } catch (AssertionError e) {
            String tails = analysis.tail(30) + (autosignal == null ? "" : autosignal.tail(30));
            throw new AssertionError(e.getMessage() + "\n" + tails, e);
        }
    }

    /** Waits for the n-th new version folder of the model; false when the analysis ended instead. */
    private static boolean awaitNewVersions(WatchService watcher, JarProcess analysis, int n)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(StressReplay.DEADLINE);
        int created = 0;
        while (Instant.now().isBefore(deadline)) {
            WatchKey key = watcher.poll(50, TimeUnit.MILLISECONDS);
            if (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    created += event.context() instanceof Path p && VERSION.matcher(p.toString()).matches() ? 1 : 0;
                }
                key.reset();
                if (created >= n && analysis.alive()) {
                    return true;
                }
            }
            if (!analysis.alive()) {
                assertThat(analysis.exitValue()).as("the analysis ended by itself with exit code").isZero();
                return false;
            }
        }
        throw new AssertionError("no publication within " + StressReplay.DEADLINE);
    }

    /** Waits until the analysis runs its loop, then a random 0–1 s; false when it ended meanwhile. */
    private static boolean awaitRandomInstant(JarProcess analysis, Path runs, Random random)
            throws InterruptedException {
        Path heartbeat = StressReplay.heartbeat(runs, StressReplay.ANALYSIS);
        Instant deadline = Instant.now().plus(StressReplay.DEADLINE);
        while (analysis.alive() && !StressReplay.modifiedSince(heartbeat, analysis.startedAt())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the analysis did not reach its loop within " + StressReplay.DEADLINE);
            }
            Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(1001));
        if (!analysis.alive()) {
            assertThat(analysis.exitValue()).as("the analysis ended by itself with exit code").isZero();
            return false;
        }
        return true;
    }

    /**
     * The model right after a kill: it loads, or nothing is published yet — never anything else; and no more
     * version folders than the published one, the two kept before it and the one being written. Records
     * whether the kill came inside a publication, before its link swap. True when a model is published.
     */
    private boolean inspectAfterKill(Path runs, Path models, boolean targeted, Instant lifeStarted) {
        ModelStore store = new ModelStore(new RunsStore(runs, Clock.systemUTC()));
        boolean published;
        try {
            store.load(new Timeframe("BTCUSDT", Interval.H1));
            published = true;
        } catch (ModelUnavailableException e) {
            assertThat(e.kind()).as("after a kill: %s", e.getMessage()).isEqualTo(ModelUnavailableException.Kind.MISSING);
            published = false;
        }
        List<String> versions = versions(models);
        maxVersionFolders = Math.max(maxVersionFolders, versions.size());
        // The published one, the two kept before it, and the one being written when the kill came.
        assertThat(versions).as("version folders after a kill").hasSizeLessThanOrEqualTo(ModelStore.KEEP_PREVIOUS + 2);
        String current = published ? readLink(models.resolve(KEY)) : "";
        String newest = versions.isEmpty() ? "" : versions.get(versions.size() - 1);
        // A folder newer than the published one, written by this life: this kill's publication.
        boolean inside = !newest.equals(current) && StressReplay.modifiedSince(models.resolve(newest), lifeStarted);
        String where = (targeted ? "targeted" : "random") + (inside ? ", before its link swap" : ", after it");
        outcomes.merge(where, 1, Integer::sum);
        return published;
    }

    /**
     * Autosignal scored every candle with a whole model, never one of its own; after the last publication only
     * the published version and the two kept before it are left, and no temporary link.
     */
    private static void checkAfterwards(JarProcess autosignal, Path runs, StressReplay replay) {
        assertThat(autosignal.awaitExit(StressReplay.DEADLINE)).as("autosignal's exit code").isZero();
        String output = autosignal.allOutput();
        assertThat(output).as("autosignal's output").doesNotContain("could not score").doesNotContain("training one");
        long hours = Duration.between(StressReplay.START, replay.end()).toHours();
        // One row per 1h candle closing at or after the start (a close) and scored by the end (5 s after its
        // close): the one closing at the end is not.
        assertThat(new RunsStore(runs, Clock.systemUTC()).read(SignalsFile.SCHEMA)).as("signals.csv rows")
                .hasSize((int) hours);
        RunsFolderCheck.assertNothingSetAside(runs);
        Path models = runs.resolve(ModelStore.DIR);
        assertThat(versions(models)).as("version folders after the replay").hasSizeLessThanOrEqualTo(
                ModelStore.KEEP_PREVIOUS + 1);
        try (Stream<Path> entries = Files.list(models)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .as("temporary links").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> versions(Path models) {
        try (Stream<Path> entries = Files.list(models)) {
            List<String> names = new ArrayList<>(entries.map(p -> p.getFileName().toString())
                    .filter(n -> VERSION.matcher(n).matches()).toList());
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(WatchService watcher) {
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            key.pollEvents();
            key.reset();
        }
    }
}
