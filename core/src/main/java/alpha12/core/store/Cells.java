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

    /**
     * Whether {@code s} is a number as cells and settings write them: {@code [+-]digits[.digits][(e|E)[+-]digits]},
     * with digits on at least one side of the point (no NaN, hex or Java's {@code 1d}/{@code 1f} suffixes).
     */
    public static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
