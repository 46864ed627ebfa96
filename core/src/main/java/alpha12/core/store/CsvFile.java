package alpha12.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV side of {@link RunsStore} for one schema; every method runs with the file's lock held.
 * Rows are checked on the way in (a row that would not read back is refused before anything is
 * written) and on the way out (an untrusted line moves verbatim to {@code <file>.rejected}).
 */
final class CsvFile<R> {

    private static final Logger LOG = LoggerFactory.getLogger(RunsStore.class);
    /** A first line longer than this is not any schema's header. */
    private static final int MAX_HEADER_BYTES = 1 << 16;
    static final String INCOMPLETE_LINE = "incomplete last line (its writer was interrupted)";

    private enum Start { MISSING, EMPTY, OURS, FOREIGN }

    private final RunsStore store;
    private final CsvSchema<R> schema;
    private final Path file;
    private final Map<String, Integer> index = new HashMap<>();

    CsvFile(RunsStore store, CsvSchema<R> schema) {
        this.store = store;
        this.schema = schema;
        this.file = store.resolve(schema.file());
        for (int i = 0; i < schema.columns().size(); i++) {
            index.put(schema.columns().get(i), i);
        }
    }

    /** Encodes rows as lines, refusing (with nothing written) any row that would not read back. */
    String encode(List<R> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        for (R row : rows) {
            List<String> cells = schema.writer().cells(row).stream().map(Cells::text).toList();
            if (cells.size() != schema.columns().size()) {
                throw new IllegalArgumentException(schema.file() + ": the writer made " + cells.size()
                        + " cells for " + schema.columns().size() + " columns");
            }
            try {
                schema.reader().read(new Row(index, cells));
            } catch (MalformedRowException | RuntimeException e) {
                throw new IllegalArgumentException(schema.file() + ": refusing to write a row that would not read "
                        + "back (" + reason(e) + "): " + CsvLine.format(cells), e);
            }
            out.append(CsvLine.format(cells)).append('\n');
        }
        return out.toString();
    }

    List<R> read() throws IOException {
        if (start() != Start.OURS) {
            return new ArrayList<>();
        }
        List<R> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        BitSet drop = new BitSet();
        try (LineScanner lines = new LineScanner(Files.newInputStream(file))) {
            lines.next();
            String raw;
            for (int n = 2; (raw = lines.next()) != null; n++) {
                String line = stripCr(raw);
                if (!lines.lastTerminated()) {
                    rejected.add(new Rejected(n, INCOMPLETE_LINE, raw));
                    drop.set(n);
                } else if (line.isBlank()) {
                    drop.set(n);
                } else {
                    try {
                        rows.add(parse(line));
                    } catch (MalformedRowException | RuntimeException e) {
                        rejected.add(new Rejected(n, reason(e), raw));
                        drop.set(n);
                    }
                }
            }
        }
        if (!drop.isEmpty()) {
            if (!rejected.isEmpty()) {
                reject(rejected);
            }
            rewriteWithout(drop);
        }
        return rows;
    }

    void append(String encodedRows) throws IOException {
        Start start = start();
        if (start == Start.OURS) {
            AtomicFiles.cutPartialLastLine(file).ifPresent(partial -> reject(List.of(new Rejected(0,
                    INCOMPLETE_LINE, partial))));
        } else if (start == Start.EMPTY) {
            Files.deleteIfExists(file);
        }
        boolean needsHeader = !Files.exists(file) || Files.size(file) == 0;
        String text = needsHeader ? schema.header() + "\n" + encodedRows : encodedRows;
        AtomicFiles.append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    void replace(String encodedRows) throws IOException {
        AtomicFiles.replace(file, (schema.header() + "\n" + encodedRows).getBytes(StandardCharsets.UTF_8));
    }

    private R parse(String line) throws MalformedRowException {
        List<String> values = CsvLine.parse(line, schema.columns().size());
        if (values.size() != schema.columns().size()) {
            throw new MalformedRowException(values.size() + " fields, expected " + schema.columns().size());
        }
        return schema.reader().read(new Row(index, values));
    }

    /**
     * What the file starts with. A foreign header quarantines the whole file (nothing of it is lost);
     * blank content or a cut-off piece of this schema's header (a writer killed while creating the
     * file) counts as empty.
     */
    private Start start() throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_HEADER_BYTES);
        } catch (NoSuchFileException e) {
            return Start.MISSING;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int newline = text.indexOf('\n');
        boolean whole = head.length < MAX_HEADER_BYTES;
        if (whole && (text.isBlank() || newline < 0 && (schema.header() + "\n").startsWith(text))) {
            if (!text.isEmpty()) {
                LOG.warn("{}: holds only '{}', the start of a file whose writer was interrupted; starting it anew",
                        schema.file(), text.strip());
            }
            return Start.EMPTY;
        }
        String first = stripCr(newline < 0 ? text : text.substring(0, newline));
        if (first.equals(schema.header())) {
            return Start.OURS;
        }
        quarantine(first);
        return Start.FOREIGN;
    }

    private void quarantine(String foundHeader) throws IOException {
        Path target = AtomicFiles.quarantine(file, store.clock().instant());
        LOG.error("{}: its header is not this file's schema, so the whole file was moved, unchanged, to {} and "
                        + "a new {} is started. Found: {} | expected: {}", schema.file(), target.getFileName(),
                schema.file(), abbreviate(foundHeader), abbreviate(schema.header()));
    }

    /** Copies the file without the given line numbers (1-based), verbatim otherwise, atomically. */
    private void rewriteWithout(BitSet drop) throws IOException {
        AtomicFiles.replace(file, (OutputStream out) -> {
            try (LineScanner lines = new LineScanner(Files.newInputStream(file))) {
                String raw;
                for (int n = 1; (raw = lines.next()) != null; n++) {
                    if (!drop.get(n)) {
                        String line = n == 1 ? schema.header() : stripCr(raw);
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        });
    }

    private record Rejected(int lineNumber, String reason, String verbatim) {
    }

    /** Appends to {@code <file>.rejected}: a {@code #} line with time, line number and reason, then the line. */
    private void reject(List<Rejected> rows) {
        StringBuilder out = new StringBuilder();
        String when = Timestamps.format(store.clock().instant());
        for (Rejected r : rows) {
            out.append("# ").append(when).append(' ')
                    .append(r.lineNumber() > 0 ? "line " + r.lineNumber() + ": " : "")
                    .append(Cells.text(r.reason())).append('\n')
                    .append(r.verbatim()).append('\n');
        }
        store.appendText(schema.file() + ".rejected", out.toString());
        Rejected first = rows.get(0);
        LOG.warn("{}: moved {} untrusted line(s) to {}.rejected (first{}: {})", schema.file(), rows.size(),
                schema.file(), first.lineNumber() > 0 ? " at line " + first.lineNumber() : "", first.reason());
    }

    /** Why a row is untrusted: the store's own reason, or what a schema's reader threw. */
    private static String reason(Exception e) {
        return e instanceof MalformedRowException || e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
