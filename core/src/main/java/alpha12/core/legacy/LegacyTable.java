package alpha12.core.legacy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of the original system, as written: its header and every data line kept verbatim with its
 * line number. Lines are parsed one by one (QUOTE_ALL or not), so a damaged line never swallows the next.
 */
record LegacyTable(Path file, List<String> header, List<Line> lines) {

    /** One data line: its 1-based number, its text as in the file, and its fields (empty when unreadable). */
    record Line(int number, String verbatim, List<String> fields, Optional<String> unreadable) {
    }

    /** Reads {@code file}; an empty file has no header and no lines. */
    static LegacyTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> header = List.of();
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (line.isBlank()) {
                continue;
            }
            Line parsed = parse(i + 1, line);
            if (header.isEmpty()) {
                header = parsed.fields().stream().map(String::strip).toList();
            } else {
                lines.add(parsed);
            }
        }
        return new LegacyTable(file, header, lines);
    }

    /** Column name to position in the header; the first occurrence wins, {@link #duplicateColumns} names the rest. */
    Map<String, Integer> columns() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        return index;
    }

    List<String> duplicateColumns() {
        return header.stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).distinct().toList();
    }

    private static Line parse(int number, String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return new Line(number, line, List.of(), Optional.of("not one CSV record"));
            }
            return new Line(number, line, records.get(0).toList(), Optional.empty());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Line(number, line, List.of(), Optional.of("not a CSV line (" + e.getMessage() + ")"));
        }
    }
}
