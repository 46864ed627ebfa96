package alpha12.core.legacy;

import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of one legacy line: the row of this system's schema it converts to, or the problems that
 * keep it out ({@code row} is then null). {@code key} identifies the row for de-duplication.
 */
record Conversion<T>(LegacyTable.Line line, String key, T row, List<Problem> problems) {

    Conversion {
        problems = List.copyOf(problems);
        if (row == null == problems.isEmpty()) {
            throw new IllegalArgumentException("a conversion has either a row or problems");
        }
    }

    static <T> Conversion<T> rejected(LegacyTable.Line line, String key, List<Problem> problems) {
        return new Conversion<>(line, key, null, problems);
    }

    static <T> Conversion<T> rejected(LegacyTable.Line line, String key, Problem problem) {
        return rejected(line, key, List.of(problem));
    }

    boolean accepted() {
        return row != null;
    }

    /** This conversion with one more problem, so rejected. */
    Conversion<T> reject(Problem problem) {
        List<Problem> all = new ArrayList<>(problems);
        all.add(problem);
        return rejected(line, key, all);
    }

    /**
     * The row {@code cells} (this system's column to text) make, judged by the schema's own reader, exactly
     * as the daemons will read it; a refused row is rejected with the reader's reason.
     */
    static <T> Conversion<T> read(LegacyTable.Line line, String key, CsvSchema<T> schema, Map<String, String> cells) {
        List<String> ordered = schema.columns().stream().map(c -> cells.getOrDefault(c, "")).toList();
        try {
            return new Conversion<>(line, key, schema.reader().read(Row.of(schema, ordered)), List.of());
        } catch (MalformedRowException | RuntimeException e) {
            return rejected(line, key, new Problem(RejectReason.INVALID, String.valueOf(e.getMessage())));
        }
    }
}
