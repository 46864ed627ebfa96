package alpha12.core.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a stopping process finish the write in progress and start no other: every store write passes
 * through the gate (many at once), and {@link #close} waits for those in flight, then keeps the gate shut.
 * The daemons close it from their SIGTERM hook, so a stop never cuts a row in half.
 */
public final class WriteGate {

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static volatile boolean closed;

    private WriteGate() {
    }

    /** A pass for one write; blocks for good once the gate is closed (the process is about to exit). */
    public static Pass enter() {
        LOCK.readLock().lock();
        return LOCK.readLock()::unlock;
    }

    /**
     * Waits up to {@code timeout} for writes in flight, then shuts the gate for the life of the process.
     *
     * @return true when no write was left in flight
     */
    public static boolean close(Duration timeout) {
        closed = true;
        try {
            return LOCK.writeLock().tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean isClosed() {
        return closed;
    }

    /** Held while one write is in progress. */
    @FunctionalInterface
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
