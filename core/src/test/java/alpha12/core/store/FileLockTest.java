package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLockTest {

    @TempDir
    Path dir;

    @Test
    void threadsOfOneProcessTakeTheLockOneAtATime() throws Exception {
        RunsStore store = new RunsStore(dir, Clock.systemUTC());
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "0");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        store.locked("counter.txt", () -> increment(counter));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(counter)).isEqualTo("900");
    }

    /** A plain read then write: it loses counts unless the lock keeps others out in between. */
    private static Void increment(Path counter) {
        try {
            int n = Integer.parseInt(Files.readString(counter));
            Thread.yield();
            Files.writeString(counter, Integer.toString(n + 1));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("try") // the locks are held by the block, not used in it
    void theLockIsReentrantHoweverTheFileIsNamed() throws IOException {
        Path real = Files.createDirectories(dir.resolve("runs"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path relative = Path.of("").toAbsolutePath().relativize(real.resolve("setups.csv"));

        try (FileLock outer = FileLock.acquire(real.resolve("setups.csv"));
             FileLock viaLink = FileLock.acquire(link.resolve("setups.csv"));
             FileLock viaRelative = FileLock.acquire(relative)) {
            assertThat(real.resolve("setups.csv.lock")).exists();
        }
        try (FileLock again = FileLock.acquire(real.resolve("setups.csv"))) {
            assertThat(FileLock.lockFileOf(real.resolve("setups.csv"))).isEqualTo(real.resolve("setups.csv.lock"));
        }
    }
}
