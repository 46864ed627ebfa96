package alpha12.core.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One parsed CSV row, read by column name; every typed getter throws {@link MalformedRowException}. */
public final class Row {

    private final Map<String, Integer> index;
    private final List<String> values;

    Row(Map<String, Integer> index, List<String> values) {
        this.index = index;
        this.values = values;
    }

    /**
     * A row of {@code schema} from cells in its column order, to be judged by the schema's own reader: how
     * rows that another system wrote (the original's files, see {@code alpha12.core.legacy}) are checked.
     */
    public static Row of(CsvSchema<?> schema, List<String> cells) {
        if (cells.size() != schema.columns().size()) {
            throw new IllegalArgumentException(schema.file() + ": " + cells.size() + " cells for "
                    + schema.columns().size() + " columns");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            index.put(schema.columns().get(i), i);
        }
        return new Row(index, List.copyOf(cells));
    }

    public String text(String column) throws MalformedRowException {
        Integer i = index.get(column);
        if (i == null) {
            throw new MalformedRowException("no column " + column);
        }
        return values.get(i);
    }

    public String requiredText(String column) throws MalformedRowException {
        String v = text(column);
        if (v.isBlank()) {
            throw new MalformedRowException(column + " is empty");
        }
        return v;
    }

    /**
     * A number in plain or exponent decimal form, or {@code inf}/{@code -inf} (as Python writes an
     * infinite profit factor); NaN, hex and Java's {@code 1d}/{@code 1f} suffixes are refused.
     */
    public double decimal(String column) throws MalformedRowException {
        String v = requiredText(column);
        switch (v) {
            case "inf", "+inf", "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!Cells.isDecimal(v)) {
                    throw new MalformedRowException(column + " is not a number: '" + v + "'");
                }
                return Double.parseDouble(v);
            }
        }
    }

    /** A number that may be empty (then NaN). */
    public double optionalDecimal(String column) throws MalformedRowException {
        String v = text(column);
        return v.isBlank() ? Double.NaN : decimal(column);
    }

    /** A whole number; {@code 12.0} counts (pandas writes whole floats so). */
    public long integer(String column) throws MalformedRowException {
        String v = requiredText(column);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            if (Cells.isDecimal(v)) {
                double d = Double.parseDouble(v);
                if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                    return (long) d;
                }
            }
            throw new MalformedRowException(column + " is not a whole number: '" + v + "'");
        }
    }

    /** A whole number that fits an {@code int}. */
    public int intValue(String column) throws MalformedRowException {
        long v = integer(column);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new MalformedRowException(column + " is out of range: " + v);
        }
        return (int) v;
    }

    public Instant instant(String column) throws MalformedRowException {
        String v = requiredText(column);
        try {
            return Timestamps.parse(v);
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException(column + ": " + e.getMessage());
        }
    }

    public Optional<Instant> optionalInstant(String column) throws MalformedRowException {
        return text(column).isBlank() ? Optional.empty() : Optional.of(instant(column));
    }

    public boolean bool(String column) throws MalformedRowException {
        String v = requiredText(column);
        return switch (v) {
            case "True", "true", "1" -> true;
            case "False", "false", "0" -> false;
            default -> throw new MalformedRowException(column + " is not True/False: '" + v + "'");
        };
    }

    public List<String> values() {
        return values;
    }
}
