package alpha12.core.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Durable file operations; callers hold the file's {@link FileLock}. A replacement is written to a
 * temp file in the same folder, fsynced and renamed over the file, so a reader (even one that takes no
 * lock) sees either the old or the new content, never a part. An append is fsynced before it returns.
 * Files are synced with {@code fdatasync} ({@code force(false)}): it writes the data and the size, all
 * that reading them back needs; the folder is synced after a rename or a creation. Outside the store only
 * {@link #replace(Path, Content)} is public, for files no other process writes (a command's output file).
 */
public final class AtomicFiles {

    /** Writes a whole file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int TEMP_ID_HEX = 16;
    private static final DateTimeFormatter QUARANTINE_SUFFIX =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AtomicFiles() {
    }

    public static void replace(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        deleteStaleTemps(file);
        Path tmp = folder.resolve("." + file.getFileName() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(false);
            }
            keepPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot rename atomically", e);
            }
            tmp = null;
            fsyncDirectory(folder);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static void replace(Path file, byte[] content) throws IOException {
        replace(file, out -> out.write(content));
    }

    /** Appends bytes with one write call and fsyncs them (and the folder, when the file is new). */
    static void append(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(false);
        }
        if (created) {
            fsyncDirectory(folder);
        }
    }

    /**
     * When the file does not end with a line break (its last writer was killed mid-append), cuts that
     * last partial line off and returns it, so the next append cannot merge with it. Reads only the tail.
     */
    static Optional<String> cutPartialLastLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0 || byteAt(ch, size - 1) == '\n') {
                return Optional.empty();
            }
            long start = startOfLastLine(ch, size);
            ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(size - start));
            while (tail.hasRemaining() && ch.read(tail, start + tail.position()) >= 0) {
                // read until full
            }
            ch.truncate(start);
            ch.force(false);
            return Optional.of(new String(tail.array(), StandardCharsets.UTF_8));
        }
    }

    /** The last complete line (ending in a line break) of a file, without reading the rest of it. */
    static Optional<String> lastCompleteLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            while (end > 0 && byteAt(ch, end - 1) != '\n') {
                end--; // skip a partial last line
            }
            if (end == 0) {
                return Optional.empty();
            }
            long start = startOfLastLine(ch, end - 1);
            ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(end - 1 - start));
            while (line.hasRemaining() && ch.read(line, start + line.position()) >= 0) {
                // read until full
            }
            return Optional.of(new String(line.array(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** True when the file exists, is not empty and its last byte is not a line break. */
    static boolean endsMidLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.size() > 0 && byteAt(ch, ch.size() - 1) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Moves a whole file aside, unchanged, to {@code <file>.<UTC time>.quarantined} (with a counter when
     * that name is taken: a rename would silently replace it) and returns the new path.
     */
    static Path quarantine(Path file, Instant now) throws IOException {
        String stem = file.getFileName() + "." + QUARANTINE_SUFFIX.format(now);
        Path target = file.resolveSibling(stem + ".quarantined");
        for (int i = 2; Files.exists(target); i++) {
            target = file.resolveSibling(stem + "-" + i + ".quarantined");
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(file.toAbsolutePath().getParent());
        return target;
    }

    /** Offset just after the last {@code '\n'} before {@code size}, or 0; reads backwards in blocks. */
    private static long startOfLastLine(FileChannel ch, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - from));
            while (block.hasRemaining() && ch.read(block, from + block.position()) >= 0) {
                // read until full
            }
            for (int i = (int) (end - from) - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    private static byte byteAt(FileChannel ch, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, position);
        return one.get(0);
    }

    /** Temp files of this file left by a killed writer; safe to delete since the caller holds the lock. */
    private static void deleteStaleTemps(Path file) throws IOException {
        String prefix = "." + file.getFileName() + ".";
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.toAbsolutePath().getParent(),
                p -> isTempOf(prefix, p.getFileName().toString()))) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isTempOf(String prefix, String name) {
        if (!name.startsWith(prefix) || !name.endsWith(".tmp")
                || name.length() != prefix.length() + TEMP_ID_HEX + ".tmp".length()) {
            return false;
        }
        String id = name.substring(prefix.length(), prefix.length() + TEMP_ID_HEX);
        return id.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** A replaced file keeps the permissions it had (a temp file starts with the process's defaults). */
    private static void keepPermissions(Path file, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            // a new file: the defaults are right
        }
    }

    static void fsyncDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a folder; the rename itself is still atomic
        }
    }
}
