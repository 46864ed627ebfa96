package alpha12.core.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way any daemon reads or writes under runs/. Every write holds the file's lock
 * ({@link FileLock}, shared by processes and threads); appends are fsynced; rewrites go to a temp file
 * in the same folder, are fsynced and atomically renamed, so no reader ever sees a half-written or
 * empty file. A row that cannot be trusted is moved verbatim, with the reason, to
 * {@code <file>.rejected}; a file with another schema's header is moved aside whole; nothing is
 * dropped silently. Paths are relative to the runs folder.
 */
public final class RunsStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunsStore.class);

    private final Path dir;
    private final Clock clock;

    /** @param clock stamps rejected rows and quarantined files (and heartbeats, which read it) */
    public RunsStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Clock clock() {
        return clock;
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }

    /**
     * Runs {@code action} while holding the lock of {@code relative}; re-entrant within a thread. The
     * block also holds a {@link WriteGate} pass, so a stopping daemon lets it finish before exiting.
     */
    @SuppressWarnings("try") // the lock and the pass are held for the block's duration, not used in it
    public <T> T locked(String relative, Supplier<T> action) {
        try (WriteGate.Pass pass = WriteGate.enter(); FileLock lock = FileLock.acquire(resolve(relative))) {
            return action.get();
        }
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Appends rows, with the header first when the file is new or empty; fsynced. Reads only the first
     * and the last line of the file, never all of it.
     *
     * @throws IllegalArgumentException (before anything is written) when a row would not read back
     */
    public <R> void append(CsvSchema<R> schema, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CsvFile<R> csv = new CsvFile<>(this, schema);
        String lines = csv.encode(rows);
        io("append to", schema.file(), () -> {
            csv.append(lines);
            return null;
        });
    }

    public <R> void append(CsvSchema<R> schema, R row) {
        append(schema, List.of(row));
    }

    /** All trusted rows, in file order; untrusted lines are moved to {@code <file>.rejected} with a warning. */
    public <R> List<R> read(CsvSchema<R> schema) {
        if (!Files.exists(resolve(schema.file()))) {
            return new ArrayList<>();
        }
        return io("read", schema.file(), () -> new CsvFile<>(this, schema).read());
    }

    /**
     * Read-modify-write under the file's lock: {@code change} receives the current rows (a mutable list)
     * and returns the rows to keep, which replace the file atomically. Returns the rows written.
     *
     * @throws IllegalArgumentException (with the file unchanged) when a returned row would not read back
     */
    public <R> List<R> update(CsvSchema<R> schema, UnaryOperator<List<R>> change) {
        CsvFile<R> csv = new CsvFile<>(this, schema);
        return io("update", schema.file(), () -> {
            List<R> next = List.copyOf(change.apply(csv.read()));
            csv.replace(csv.encode(next));
            return next;
        });
    }

    // ---------------------------------------------------------------- text

    /** Replaces a file atomically under its lock: temp file in the same folder, fsync, rename. */
    public void writeAtomically(String relative, byte[] content) {
        io("write", relative, () -> {
            AtomicFiles.replace(resolve(relative), content);
            return null;
        });
    }

    public void writeAtomically(String relative, String content) {
        writeAtomically(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole file's text; no lock is needed since every replacement is atomic. */
    public Optional<String> readText(String relative) {
        try {
            return Optional.of(Files.readString(resolve(relative), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(relative) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends text under the file's lock, fsynced. When the file ends mid-line (a killed writer), a line
     * break goes first, so the new text never merges with that fragment.
     */
    public void appendText(String relative, String text) {
        Path file = resolve(relative);
        io("append to", relative, () -> {
            String prefix = AtomicFiles.endsMidLine(file) ? "\n" : "";
            AtomicFiles.append(file, (prefix + text).getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    // ---------------------------------------------------------------- JSON

    /** Writes {@code value} as an indented JSON file, atomically ({@link Instant}s as timestamps). */
    public void writeJson(String relative, Object value) {
        writeAtomically(relative, toJson(JsonMapping.FILE_WRITER, value) + "\n");
    }

    public <T> Optional<T> readJson(String relative, Class<T> type) {
        return readJson(relative, JsonMapping.MAPPER.constructType(type));
    }

    public <T> Optional<T> readJson(String relative, TypeReference<T> type) {
        return readJson(relative, JsonMapping.MAPPER.constructType(type));
    }

    /**
     * Read-modify-write of a JSON file under its lock: {@code change} gets the current value (empty when
     * the file is missing or unreadable) and returns the value to write. Returns the value written.
     */
    public <T> T updateJson(String relative, TypeReference<T> type, Function<Optional<T>, T> change) {
        return updateJson(relative, JsonMapping.MAPPER.constructType(type), change);
    }

    public <T> T updateJson(String relative, Class<T> type, Function<Optional<T>, T> change) {
        return updateJson(relative, JsonMapping.MAPPER.constructType(type), change);
    }

    private <T> T updateJson(String relative, JavaType type, Function<Optional<T>, T> change) {
        return locked(relative, () -> {
            T next = change.apply(readJson(relative, type));
            writeJson(relative, next);
            return next;
        });
    }

    /**
     * Appends {@code value} as one compact JSON line, fsynced. A partial last line left by a killed
     * writer is moved to {@code <file>.rejected} first.
     */
    public void appendJsonLine(String relative, Object value) {
        String line = toJson(JsonMapping.LINE_WRITER, value);
        Path file = resolve(relative);
        io("append to", relative, () -> {
            if (Files.exists(file)) {
                Optional<String> partial = AtomicFiles.cutPartialLastLine(file);
                if (partial.isPresent()) {
                    appendText(relative + ".rejected", "# " + Timestamps.format(clock.instant()) + " "
                            + CsvFile.INCOMPLETE_LINE + "\n" + partial.get() + "\n");
                    LOG.warn("{}: moved an incomplete last line to {}.rejected", relative, relative);
                }
            }
            AtomicFiles.append(file, (line + "\n").getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /**
     * The last complete JSON line of a JSON-lines file, read from its end; empty when the file is missing
     * or empty, or that line is not readable as {@code type} (logged).
     */
    public <T> Optional<T> readLastJsonLine(String relative, Class<T> type) {
        Optional<String> line = io("read", relative, () -> AtomicFiles.lastCompleteLine(resolve(relative)));
        try {
            return line.isEmpty() ? Optional.empty() : Optional.of(JsonMapping.MAPPER.readValue(line.get(), type));
        } catch (JacksonException e) {
            LOG.warn("{}: last line is not readable as {}: {}", relative, type.getSimpleName(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * Parses without the lock (replacements are atomic); only when the text is unreadable is it read
     * again under the lock, so that a file replaced meanwhile is not moved aside by mistake.
     */
    private <T> Optional<T> readJson(String relative, JavaType type) {
        try {
            return parseJson(relative, type);
        } catch (JacksonException first) {
            return locked(relative, () -> {
                try {
                    return parseJson(relative, type);
                } catch (JacksonException e) {
                    Path target = io("quarantine", relative,
                            () -> AtomicFiles.quarantine(resolve(relative), clock.instant()));
                    LOG.error("{}: not readable as {} ({}); moved it, unchanged, to {}", relative,
                            type.getRawClass().getSimpleName(), e.getOriginalMessage(), target.getFileName());
                    return Optional.empty();
                }
            });
        }
    }

    private <T> Optional<T> parseJson(String relative, JavaType type) throws JacksonException {
        Optional<String> text = readText(relative);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(JsonMapping.MAPPER.readValue(text.get(), type));
    }

    private static String toJson(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** An IO action under the file's lock, its failure reported with the file and what was being done. */
    private <T> T io(String doing, String relative, IoAction<T> action) {
        return locked(relative, () -> {
            try {
                return action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot " + doing + " " + resolve(relative) + ": " + e, e);
            }
        });
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }
}
