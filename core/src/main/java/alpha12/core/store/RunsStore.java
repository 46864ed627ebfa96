package alpha12.core.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way any daemon reads or writes under runs/. Every write holds the file's lock
 * ({@link FileLock}); appends are fsynced; rewrites go to a temp file in the same folder, are fsynced
 * and atomically renamed, so no reader ever sees a half-written or empty file. Rows that cannot be
 * trusted are moved verbatim, with the reason, to {@code <file>.rejected}; nothing is dropped silently.
 */
public final class RunsStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunsStore.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

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

    /** Runs {@code action} while holding the lock of {@code relative}. */
    public <T> T locked(String relative, Supplier<T> action) {
        try (FileLock lock = FileLock.acquire(resolve(relative))) {
            return action.get();
        }
    }

    // ---------------------------------------------------------------- CSV

    /** Appends rows (header first when the file is new or empty), fsynced, under the file's lock. */
    public <R> void append(CsvSchema<R> schema, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Path file = resolve(schema.file());
        locked(schema.file(), () -> {
            try {
                Files.createDirectories(file.getParent());
                prepareForAppend(schema, file);
                StringBuilder out = new StringBuilder();
                if (!Files.exists(file) || Files.size(file) == 0) {
                    out.append(format(schema.columns()));
                }
                for (R row : rows) {
                    out.append(format(checked(schema, schema.writer().cells(row))));
                }
                appendBytes(file, out.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    public <R> void append(CsvSchema<R> schema, R row) {
        append(schema, List.of(row));
    }

    /** All trusted rows; malformed ones are moved to {@code <file>.rejected} with a warning. */
    public <R> List<R> read(CsvSchema<R> schema) {
        Path file = resolve(schema.file());
        if (!Files.exists(file)) {
            return List.of();
        }
        return locked(schema.file(), () -> readLocked(schema, file));
    }

    /**
     * Read-modify-write under the file's lock: {@code change} receives the current rows and returns the
     * rows to keep, which replace the file atomically. Returns the rows written.
     */
    public <R> List<R> update(CsvSchema<R> schema, UnaryOperator<List<R>> change) {
        Path file = resolve(schema.file());
        return locked(schema.file(), () -> {
            List<R> current = Files.exists(file) ? readLocked(schema, file) : List.of();
            List<R> next = List.copyOf(change.apply(new ArrayList<>(current)));
            StringBuilder out = new StringBuilder(format(schema.columns()));
            for (R row : next) {
                out.append(format(checked(schema, schema.writer().cells(row))));
            }
            writeAtomically(schema.file(), out.toString().getBytes(StandardCharsets.UTF_8));
            return next;
        });
    }

    private <R> List<R> readLocked(CsvSchema<R> schema, Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (content.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        boolean completeLastLine = content.endsWith("\n");
        if (completeLastLine) {
            lines.remove(lines.size() - 1);
        }
        String header = stripCr(lines.get(0));
        if (!header.equals(schema.header())) {
            quarantineFile(schema, file, "its header is not this file's schema: " + abbreviate(header));
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            index.put(schema.columns().get(i), i);
        }
        List<R> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        boolean blankLines = false;
        for (int n = 1; n < lines.size(); n++) {
            String line = stripCr(lines.get(n));
            boolean last = n == lines.size() - 1;
            if (last && !completeLastLine) {
                rejected.add(new Rejected(n + 1, "incomplete last line (its writer was interrupted)", lines.get(n)));
                continue;
            }
            if (line.isBlank()) {
                blankLines = true;
                continue;
            }
            try {
                rows.add(schema.reader().read(parse(line, schema, index)));
            } catch (MalformedRowException e) {
                rejected.add(new Rejected(n + 1, e.getMessage(), lines.get(n)));
            }
        }
        if (!rejected.isEmpty() || blankLines) {
            if (!rejected.isEmpty()) {
                appendRejected(schema.file(), rejected);
                LOG.warn("{}: moved {} untrusted row(s) to {}.rejected (first: line {}: {})", schema.file(),
                        rejected.size(), schema.file(), rejected.get(0).lineNumber(), rejected.get(0).reason());
            }
            StringBuilder out = new StringBuilder(format(schema.columns()));
            for (R row : rows) {
                out.append(format(schema.writer().cells(row)));
            }
            writeAtomically(schema.file(), out.toString().getBytes(StandardCharsets.UTF_8));
        }
        return rows;
    }

    private static Row parse(String line, CsvSchema<?> schema, Map<String, Integer> index)
            throws MalformedRowException {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MalformedRowException("unparsable CSV: " + e.getMessage());
        }
        if (records.size() != 1) {
            throw new MalformedRowException("unparsable CSV line");
        }
        List<String> values = records.get(0).toList();
        if (values.size() != schema.columns().size()) {
            throw new MalformedRowException(values.size() + " fields, expected " + schema.columns().size());
        }
        return new Row(index, values);
    }

    /** Before appending: a foreign header quarantines the file; a partial last line goes to .rejected. */
    private void prepareForAppend(CsvSchema<?> schema, Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        String firstLine;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = reader.readLine();
        }
        if (firstLine == null || !stripCr(firstLine).equals(schema.header())) {
            quarantineFile(schema, file, "its header is not this file's schema: " + abbreviate(firstLine));
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return;
            }
            long start = size - 1;
            ByteBuffer b = ByteBuffer.allocate(1);
            while (start > 0) {
                b.clear();
                ch.read(b, start - 1);
                if (b.get(0) == '\n') {
                    break;
                }
                start--;
            }
            ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
            ch.read(tail, start);
            String partial = new String(tail.array(), StandardCharsets.UTF_8);
            appendRejected(schema.file(), List.of(new Rejected(-1, "incomplete last line (its writer was interrupted)",
                    partial)));
            LOG.warn("{}: moved an incomplete last line to {}.rejected", schema.file(), schema.file());
            ch.truncate(start);
            ch.force(true);
        }
    }

    private void quarantineFile(CsvSchema<?> schema, Path file, String reason) {
        Path target = file.resolveSibling(file.getFileName() + "." + SUFFIX.format(clock.instant()) + ".quarantined");
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot quarantine " + file + ": " + e.getMessage(), e);
        }
        LOG.error("{}: {}; moved the whole file to {} and started a new one (convert old files with "
                + "'alpha12-tracker.jar import-legacy')", schema.file(), reason, target.getFileName());
    }

    private record Rejected(int lineNumber, String reason, String verbatim) {
    }

    private void appendRejected(String relative, List<Rejected> rows) {
        StringBuilder out = new StringBuilder();
        String when = Timestamps.format(clock.instant());
        for (Rejected r : rows) {
            out.append("# ").append(when).append(' ')
                    .append(r.lineNumber() > 0 ? "line " + r.lineNumber() + ": " : "")
                    .append(Cells.text(r.reason())).append('\n')
                    .append(r.verbatim().endsWith("\n") ? r.verbatim() : r.verbatim() + "\n");
        }
        appendText(relative + ".rejected", out.toString());
    }

    private static <R> List<String> checked(CsvSchema<R> schema, List<String> cells) {
        if (cells.size() != schema.columns().size()) {
            throw new IllegalStateException(schema.file() + ": writer produced " + cells.size() + " cells for "
                    + schema.columns().size() + " columns");
        }
        return cells;
    }

    private static String format(List<String> cells) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(cells.stream().map(Cells::text).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- text, JSON, heartbeats

    /** Replaces a file atomically: temp file in the same folder, fsync, rename, fsync the folder. */
    public void writeAtomically(String relative, byte[] content) {
        Path file = resolve(relative);
        locked(relative, () -> {
            Path tmp = null;
            try {
                Files.createDirectories(file.getParent());
                tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system of " + dir + " cannot rename atomically", e);
                }
                tmp = null;
                fsyncDirectory(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // the temp file is harmless; the next write makes a new one
                    }
                }
            }
            return null;
        });
    }

    public void writeAtomically(String relative, String content) {
        writeAtomically(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> readText(String relative) {
        try {
            return Optional.of(Files.readString(resolve(relative), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(relative) + ": " + e.getMessage(), e);
        }
    }

    /** Appends text (e.g. JSON lines) under the file's lock, fsynced. */
    public void appendText(String relative, String text) {
        Path file = resolve(relative);
        locked(relative, () -> {
            try {
                Files.createDirectories(file.getParent());
                appendBytes(file, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Writes the current time (UTC ISO, no newline) to a heartbeat file, atomically. */
    public void writeHeartbeat(String relative) {
        writeAtomically(relative, Timestamps.format(clock.instant()));
    }

    private static void appendBytes(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    static void fsyncDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename itself is still atomic
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
