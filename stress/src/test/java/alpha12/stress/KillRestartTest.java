package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link StressReplay} with the three daemons at once, killed with SIGKILL at random instants and
 * restarted with the same command line, {@code -Dstress.kills} times (default 50): each restart replays from
 * the start, and the daemons pick up where their files say they were (the analysis after its last snapshot,
 * autosignal past scored candles, the tracker reconciling trade rows). The folder must pass
 * {@link RunsFolderCheck} and hold exactly what the uninterrupted replay wrote. When the replay ends before
 * all kills are spent, another round starts in a fresh folder.
 */
class KillRestartTest {

    /** Kept after a failure, with the output of every process under its logs folders. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void daemonsKilledAtRandomInstantsAndRestartedWriteExactlyWhatAnUninterruptedReplayWrites() throws Exception {
        int wanted = StressReplay.intProperty("stress.kills", 50);
        int maxDelayMs = StressReplay.intProperty("stress.killDelayMs", 1000);
        long seed = StressReplay.intProperty("stress.seed", 12);
        Random random = new Random(seed);
        RunsFolderCheck.Contents reference = SequentialReference.get();
        Map<String, Integer> kills = new TreeMap<>();
        for (int round = 1; total(kills) < wanted; round++) {
            round(dir.resolve("round-" + round), wanted - total(kills), random, maxDelayMs, reference, kills);
        }
        System.out.println("kills (seed " + seed + ", up to " + maxDelayMs + " ms apart): " + kills);
    }

    private static void round(Path roundDir, int wanted, Random random, int maxDelayMs,
                              RunsFolderCheck.Contents reference, Map<String, Integer> kills) throws Exception {
        StressReplay replay = StressReplay.standard();
        Path env = replay.writeEnv(roundDir);
        Path runs = roundDir.resolve("runs");
        long started = System.nanoTime();
        List<JarProcess> daemons = StressReplay.DAEMONS.stream()
                .map(d -> JarProcess.start(d, replay.replayArgs(env, runs), roundDir.resolve("logs"))).toList();
        try {
            int done = 0;
            while (done < wanted) {
                Thread.sleep(random.nextInt(maxDelayMs + 1)); // picks the instant of the next kill
                List<JarProcess> working = awaitWorking(daemons, runs);
                if (working.isEmpty()) {
                    break; // all three finished their replay
                }
                JarProcess victim = working.get(random.nextInt(working.size()));
                victim.kill();
                victim.restart();
                kills.merge(victim.daemon(), 1, Integer::sum);
                done++;
            }
            for (JarProcess p : daemons) {
                assertThat(p.awaitExit(StressReplay.DEADLINE)).as("%s's exit code", p.daemon()).isZero();
            }
            RunsFolderCheck.verify(runs);
            JarProcess poll = JarProcess.start(StressReplay.TRACKER, replay.finalTrackerPollArgs(env, runs),
                    roundDir.resolve("logs-final-poll"));
            assertThat(poll.awaitExit(StressReplay.DEADLINE)).as("the final tracker poll's exit code").isZero();
            RunsFolderCheck.Contents contents = RunsFolderCheck.verify(runs);
            RunsFolderCheck.assertSameContents(contents, reference, "the run with " + done + " kills");
            System.out.println(roundDir.getFileName() + ": " + done + " kills, lives " + daemons.stream()
                    .map(p -> p.daemon() + "=" + p.lives()).toList() + ", " + contents.counts() + " in "
                    + (System.nanoTime() - started) / 1_000_000_000 + " s");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + ConcurrentDaemonsTest.tails(daemons), e);
        }
    }

    /**
     * The daemons running their loop (their heartbeat was rewritten since their last start), once at least one
     * is; empty when all have ended. A daemon that ended must have ended well.
     */
    private static List<JarProcess> awaitWorking(List<JarProcess> daemons, Path runs) throws InterruptedException {
        Instant deadline = Instant.now().plus(StressReplay.DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            boolean anyAlive = false;
            for (JarProcess p : daemons) {
                if (!p.alive()) {
                    assertThat(p.exitValue()).as("%s ended by itself with exit code", p.daemon()).isZero();
                }
                anyAlive |= p.alive();
            }
            if (!anyAlive) {
                return List.of();
            }
            List<JarProcess> working = daemons.stream()
                    .filter(p -> p.alive()
                            && StressReplay.modifiedSince(StressReplay.heartbeat(runs, p.daemon()), p.startedAt()))
                    .toList();
            if (!working.isEmpty()) {
                return working;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no daemon reached its loop within " + StressReplay.DEADLINE);
    }

    private static int total(Map<String, Integer> kills) {
        return kills.values().stream().mapToInt(Integer::intValue).sum();
    }
}
