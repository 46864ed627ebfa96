package alpha12.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** How values are written into CSV cells: the only place numbers and times become text. */
public final class Cells {

    private Cells() {
    }

    /** Shortest round-trip decimal, never in exponent form; NaN becomes an empty cell. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0.0";
        }
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') < 0) {
            return shortest; // 1e-3 <= |v| < 1e7: already plain, the common case by far
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return BigDecimal.valueOf(v).setScale(1).toPlainString();
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    public static String integer(long v) {
        return Long.toString(v);
    }

    public static String time(Instant t) {
        return Timestamps.format(t);
    }

    public static String time(Optional<Instant> t) {
        return t.map(Timestamps::format).orElse("");
    }

    /** Python's {@code str(bool)}, as the original's files have it. */
    public static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** Free text with line breaks flattened, so one row is always one line. */
    public static String text(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
