package alpha12.core.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One data line of a legacy file read by column name: the header's order does not matter. */
final class LegacyRow {

    private final LegacyTable.Line line;
    private final Map<String, Integer> header;
    private final int headerSize;

    LegacyRow(LegacyTable.Line line, Map<String, Integer> header, int headerSize) {
        this.line = line;
        this.header = header;
        this.headerSize = headerSize;
    }

    LegacyTable.Line line() {
        return line;
    }

    /** The cell under {@code column}, stripped; empty when the file has no such column or the line is short. */
    String cell(String column) {
        Integer i = header.get(column);
        return i == null || i >= line.fields().size() ? "" : line.fields().get(i).strip();
    }

    boolean hasColumn(String column) {
        return header.containsKey(column);
    }

    boolean has(String column) {
        return !cell(column).isEmpty();
    }

    double number(String column) {
        String v = cell(column);
        return v.isEmpty() ? Double.NaN : switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    /**
     * Why the line cannot be read column by column at all: unreadable CSV, another field count than the
     * header's, or cells of another kind than their column's (a shifted row). Empty when it can.
     */
    Optional<Problem> structureProblem(List<LegacyColumn> columns) {
        if (line.unreadable().isPresent()) {
            return Optional.of(new Problem(RejectReason.UNREADABLE, line.unreadable().get()));
        }
        if (line.fields().size() != headerSize) {
            return Optional.of(new Problem(RejectReason.FIELD_COUNT, line.fields().size() + " fields under a "
                    + headerSize + "-column header"));
        }
        List<String> misplaced = new ArrayList<>();
        for (LegacyColumn c : columns) {
            String v = cell(c.name());
            if (!v.isEmpty() && !c.kind().accepts(v)) {
                misplaced.add(c.name() + " '" + abbreviate(v) + "'");
            }
        }
        return misplaced.isEmpty() ? Optional.empty()
                : Optional.of(new Problem(RejectReason.SHIFTED, String.join(", ", misplaced)));
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
