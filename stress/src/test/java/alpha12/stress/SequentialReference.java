package alpha12.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The standard {@link StressReplay} done one process at a time — the analysis, then autosignal, then the
 * tracker, each over the whole replay — verified and kept for the test JVM (the concurrent and the kill
 * tests compare with it). That order gives what any interleaving must give: the analysis reads nothing
 * the others write (its 15m has no trades for the monitor); autosignal reads only its own models and
 * setups' validity, not their statuses; and the tracker's final state is a function of the setups and the
 * bars up to the end, however many polls it took to get there.
 */
final class SequentialReference {

    private static RunsFolderCheck.Contents contents;

    private SequentialReference() {
    }

    static synchronized RunsFolderCheck.Contents get() {
        if (contents == null) {
            contents = compute(StressReplay.standard());
        }
        return contents;
    }

    private static RunsFolderCheck.Contents compute(StressReplay replay) {
        Path dir;
        try {
            dir = Files.createTempDirectory("alpha12-stress-reference");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        try {
            Path env = replay.writeEnv(dir);
            Path runs = dir.resolve("runs");
            for (String daemon : StressReplay.DAEMONS) {
                JarProcess p = JarProcess.start(daemon, replay.replayArgs(env, runs), dir.resolve("logs"));
                int code = p.awaitExit(StressReplay.DEADLINE);
                if (code != 0) {
                    throw new AssertionError("reference run: " + daemon + " exited " + code + "\n" + p.tail(40));
                }
            }
            RunsFolderCheck.Contents verified = RunsFolderCheck.verify(runs);
            System.out.println("sequential reference, " + replay.end() + ": " + verified.counts() + " in "
                    + (System.nanoTime() - started) / 1_000_000_000 + " s");
            return verified;
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
