package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three packaged daemons at once on one runs/ folder, over the {@link StressReplay}: autosignal appends
 * setups, signals and features while the tracker rewrites setups.csv and appends trades and the analysis
 * appends its rows and publishes models — about 1,300 cycles between them. The folder must pass
 * {@link RunsFolderCheck} and hold exactly what the same replay done one process at a time wrote.
 */
class ConcurrentDaemonsTest {

    /** Kept after a failure, with the output of every process under its logs folders. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void threeDaemonsAtOnceOnOneRunsFolderWriteExactlyWhatTheyWriteOneAtATime() {
        StressReplay replay = StressReplay.standard();
        Path env = replay.writeEnv(dir);
        Path runs = dir.resolve("runs");
        long started = System.nanoTime();
        List<JarProcess> daemons = StressReplay.DAEMONS.stream()
                .map(d -> JarProcess.start(d, replay.replayArgs(env, runs), dir.resolve("logs"))).toList();
        try {
            for (JarProcess p : daemons) {
                assertThat(p.awaitExit(StressReplay.DEADLINE)).as("%s's exit code", p.daemon()).isZero();
            }
            // As the three left it: consistent already, though the tracker may have ended first.
            RunsFolderCheck.verify(runs);
            JarProcess poll = JarProcess.start(StressReplay.TRACKER, replay.finalTrackerPollArgs(env, runs),
                    dir.resolve("logs-final-poll"));
            assertThat(poll.awaitExit(StressReplay.DEADLINE)).as("the final tracker poll's exit code").isZero();

            RunsFolderCheck.Contents contents = RunsFolderCheck.verify(runs);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            RunsFolderCheck.assertSameContents(contents, SequentialReference.get(), "the concurrent run");
            System.out.println("concurrent run, " + replay.end() + ": " + contents.counts() + " in " + seconds + " s");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + tails(daemons), e);
        }
    }

    static String tails(List<JarProcess> daemons) {
        return daemons.stream().map(p -> p.tail(30)).collect(Collectors.joining());
    }
}
