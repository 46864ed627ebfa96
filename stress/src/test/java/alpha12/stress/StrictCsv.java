package alpha12.stress;

import alpha12.core.features.FeatureNames;
import alpha12.core.market.Interval;
import alpha12.core.store.CsvSchema;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.SetupStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a runs/ CSV without any of the store's code, and refuses it whole at the first thing out of place:
 * the file must end with a line break and hold no carriage return; line one must be the schema's header;
 * every other line must be one RFC 4180 record (commons-csv) with exactly the header's field count, and each
 * cell must be of its column's kind (a time with offset, a number, one of an enum's codes). The original's
 * shifted rows had the right field count and a status of "20": the kinds catch those.
 */
final class StrictCsv {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?\\+00:00");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");
    private static final Pattern AUTO_ID = Pattern.compile("AUTO-[A-Z0-9]+-(1h|4h|1d)-\\d{8}_\\d{6}");
    private static final Map<String, Kind> KINDS = kinds();

    /** What a column's cells must look like. */
    private record Kind(String what, Pattern pattern, boolean emptyAllowed) {
        boolean accepts(String cell) {
            return cell.isEmpty() ? emptyAllowed : pattern.matcher(cell).matches();
        }
    }

    private StrictCsv() {
    }

    /** The data rows of {@code file} as cells, or an AssertionError naming the file, line and problem. */
    static List<List<String>> read(Path file, CsvSchema<?> schema) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw fail(file, 0, text.isEmpty() ? "is empty" : "does not end with a line break (a cut last line)");
        }
        if (text.indexOf('\r') >= 0) {
            throw fail(file, 0, "holds a carriage return");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(String.join(",", schema.columns()))) {
            throw fail(file, 1, "header is not " + schema.file() + "'s: " + lines[0]);
        }
        List<List<String>> rows = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = record(file, i + 1, lines[i]);
            if (cells.size() != schema.columns().size()) {
                throw fail(file, i + 1, cells.size() + " fields, the header has " + schema.columns().size() + ": "
                        + lines[i]);
            }
            for (int c = 0; c < cells.size(); c++) {
                Kind kind = KINDS.get(schema.columns().get(c));
                if (kind != null && !kind.accepts(cells.get(c))) {
                    throw fail(file, i + 1, "column " + schema.columns().get(c) + " holds '" + cells.get(c)
                            + "', not " + kind.what() + ": " + lines[i]);
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> record(Path file, int lineNumber, String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw fail(file, lineNumber, records.size() + " records on one line: " + line);
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw fail(file, lineNumber, "not an RFC 4180 record (" + e.getMessage() + "): " + line);
        }
    }

    private static AssertionError fail(Path file, int line, String problem) {
        return new AssertionError(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }

    private static Map<String, Kind> kinds() {
        Kind time = new Kind("a UTC time with offset", TIME, false);
        Kind optionalTime = new Kind("empty or a UTC time with offset", TIME, true);
        Kind number = new Kind("a number", NUMBER, false);
        Kind optionalNumber = new Kind("empty or a number", NUMBER, true);
        Map<String, Kind> kinds = new HashMap<>();
        for (String c : List.of("timestamp", "ts", "created_at", "expires_at", "exit_ts")) {
            kinds.put(c, time);
        }
        for (String c : List.of("triggered_at", "trigger_ts")) {
            kinds.put(c, optionalTime);
        }
        for (String c : List.of("entry", "stop", "target", "rr", "size_units", "notional_usd", "leverage",
                "confidence", "entry_buffer_bps", "pnl_pct", "pnl_pct_net", "rr_planned", "fees_bps_per_side",
                "pnl_r", "prob_up", "prob_down", "price", "accuracy", "win_rate")) {
            kinds.put(c, number);
        }
        for (String c : List.of("trigger_price", "exit_price", "price_at_trigger", "cv_accuracy", "cv_precision",
                "cv_recall", "cv_f1")) {
            kinds.put(c, optionalNumber);
        }
        for (String c : FeatureNames.ALL) {
            kinds.put(c, optionalNumber);
        }
        for (String c : List.of("samples", "features", "valid_bars")) {
            kinds.put(c, new Kind("a whole number", INTEGER, false));
        }
        kinds.put("asset", new Kind("a symbol", SYMBOL, false));
        kinds.put("id", new Kind("an auto setup id", AUTO_ID, false));
        kinds.put("setup_id", new Kind("empty or an auto setup id", AUTO_ID, true));
        kinds.put("interval", codes("an interval", Arrays.stream(Interval.values()).map(Interval::code).toList()));
        kinds.put("direction", codes("a direction", List.of("long", "short")));
        kinds.put("signal", codes("a direction", List.of("long", "short")));
        kinds.put("status", codes("a setup status", Arrays.stream(SetupStatus.values()).map(SetupStatus::code).toList()));
        kinds.put("outcome", codes("an outcome", Arrays.stream(Outcome.values()).map(Outcome::code).toList()));
        kinds.put("origin", codes("an origin", List.of("auto", "manual")));
        kinds.put("trigger_rule", codes("a trigger rule", List.of("touch", "close-through")));
        kinds.put("calibrated", codes("True or False", List.of("True", "False")));
        kinds.put("model_type", codes("a model type", List.of("rf")));
        kinds.put("decision", new Kind("setup or blocked:<gate>", Pattern.compile("setup|blocked:[a-z_]+"), false));
        return Map.copyOf(kinds);
    }

    private static Kind codes(String what, List<String> codes) {
        return new Kind(what + " (" + String.join(", ", codes) + ")",
                Pattern.compile(codes.stream().map(Pattern::quote).collect(Collectors.joining("|"))), false);
    }
}
