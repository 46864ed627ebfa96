package alpha12.core.model.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-system side of publishing: immutable version folders {@code <key>.<yyyyMMddTHHmmssSSSZ>} and a
 * symbolic link {@code <key>} swapped atomically between them. Callers hold the model's lock.
 */
final class VersionFolders {

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(VersionFolders.class);

    private VersionFolders() {
    }

    /** Creates a new, empty version folder named after {@code now}, with a suffix if that name is taken. */
    static Path create(Path dir, String key, Instant now) throws IOException {
        String base = key + "." + VERSION_TIME.format(now);
        for (int n = 1; ; n++) {
            Path folder = dir.resolve(n == 1 ? base : base + "-" + String.format("%03d", n));
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // another publication in the same millisecond (or a fixed clock): take the next suffix
            }
        }
    }

    /** Atomically makes {@code link} a relative symbolic link to {@code folder}, a sibling of it. */
    static void pointLink(Path link, Path folder, Instant now) throws IOException {
        Path dir = link.getParent();
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            // a real folder from another layout (the Python system's model.joblib + meta.json): keep it
            Path aside = dir.resolve(link.getFileName() + ".legacy-" + VERSION_TIME.format(now));
            Files.move(link, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("moved the old model folder {} aside to {}", link, aside.getFileName());
        }
        // Temporary links of publications killed before their rename (one per killed process id): under the
        // model's lock none is in use, so they go rather than pile up.
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + link.getFileName() + ".link-*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
        Path temp = dir.resolve("." + link.getFileName() + ".link-" + ProcessHandle.current().pid() + ".tmp");
        Files.createSymbolicLink(temp, folder.getFileName());
        try {
            // rename(2) replaces the old link in one step: a reader finds the old target or the new one
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        }
        fsync(dir);
    }

    /** Deletes version folders of {@code key} other than {@code current} and the {@code keep} newest. */
    static void prune(Path dir, String key, Path current, int keep) throws IOException {
        List<Path> versions = versions(dir, key);
        versions.remove(current);
        versions.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : versions.subList(Math.min(keep, versions.size()), versions.size())) {
            delete(old);
        }
    }

    /**
     * Before a publication: deletes the version folders of {@code key} named after the one {@code link}
     * points at (all of them when it points nowhere) — publications killed before their link swap, which no
     * reader ever saw — and prunes as {@link #prune} would have, had the last publication got that far. So
     * however often publications are killed (a crash loop), the model never has more than {@code keep} + 2
     * version folders.
     */
    static void tidy(Path dir, String key, Path link, int keep) throws IOException {
        Path current = Files.isSymbolicLink(link) ? dir.resolve(Files.readSymbolicLink(link).getFileName()) : null;
        String currentName = current == null ? "" : current.getFileName().toString();
        for (Path version : versions(dir, key)) {
            if (version.getFileName().toString().compareTo(currentName) > 0) {
                delete(version);
                LOG.warn("deleted {}: a publication that did not complete", version.getFileName());
            }
        }
        if (current != null) {
            prune(dir, key, current, keep);
        }
    }

    private static List<Path> versions(Path dir, String key) throws IOException {
        Pattern version = Pattern.compile(Pattern.quote(key) + "\\.\\d{8}T\\d{9}Z(-\\d{3})?");
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (version.matcher(entry.getFileName().toString()).matches()
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    versions.add(entry);
                }
            }
        }
        return versions;
    }

    private static void delete(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** Writes a new file and forces it to disk. */
    static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    static void fsync(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename itself is still atomic
        }
    }
}
