package alpha12.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on {@code <file>.lock}, held across processes (an OS file lock on the lock file)
 * and across threads of this process (a {@link ReentrantLock}: the OS lock belongs to the whole
 * process, and a second channel on the same file in one JVM would fail or, on close, release it).
 * The lock file is never deleted, so every process always locks the same inode. A process that dies
 * loses its lock with it.
 */
public final class FileLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private FileLock(ReentrantLock threadLock, FileChannel channel) {
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /** Blocks until {@code file}'s lock is held. Re-entrant within a thread. */
    public static FileLock acquire(Path file) {
        Path lockFile = canonical(lockFileOf(file));
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) {
            return new FileLock(threadLock, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new FileLock(threadLock, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + io, io);
            }
            throw (RuntimeException) e;
        }
    }

    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** One key per lock file, however it is named (relative, absolute, through a symbolic link). */
    private static Path canonical(Path lockFile) {
        Path folder = lockFile.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(folder);
            return folder.toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + lockFile + ": " + e, e);
        }
    }

    /** Releases the lock; closing the channel releases the OS lock with it. */
    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + e, e);
        } finally {
            threadLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
