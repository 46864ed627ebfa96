package alpha12.core.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one timestamp format of every file under runs/: UTC ISO-8601 with an explicit {@code +00:00}
 * offset, microseconds when there are any ({@code 2025-08-18T03:39:53.291825+00:00}), none on whole
 * seconds ({@code 2024-03-31T20:00:00+00:00}), as Python's {@code isoformat()} writes them.
 */
public final class Timestamps {

    private static final DateTimeFormatter WHOLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'");
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");

    /** Lenient reading: {@code T} or space, any offset or {@code Z}, fractions of any length. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {
    }

    /** Formats an instant, truncated to microseconds, as UTC ISO-8601 with {@code +00:00}. */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        LocalDateTime utc = LocalDateTime.ofInstant(micros, ZoneOffset.UTC);
        return (micros.getNano() == 0 ? WHOLE : MICROS).format(utc);
    }

    public static String format(long epochMs) {
        return format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * Parses a timestamp written with an explicit offset ({@code +00:00}, {@code +08:00}, {@code Z}),
     * with {@code T} or a space. A timestamp without an offset is refused: its zone is unknown.
     */
    public static Instant parse(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        Instant canonical = parseCanonical(t);
        if (canonical != null) {
            return canonical;
        }
        try {
            var parsed = LENIENT.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp with offset: '" + text + "'");
        }
        throw new IllegalArgumentException("timestamp without a UTC offset (zone unknown): '" + text + "'");
    }

    /**
     * The fast path for the shape this store writes, {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}
     * (a large file holds one or more per row); null for any other shape or an invalid field, which the
     * lenient formatter then parses or explains.
     */
    private static Instant parseCanonical(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int i = 19;
        int nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
                nanos = nanos * 10 + (t.charAt(i++) - '0');
            }
            if (i == start || i < n && isDigit(t.charAt(i))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        Integer offsetSeconds = offsetSeconds(t, i);
        if (offsetSeconds == null || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
            return Instant.ofEpochSecond(epochSecond, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The offset {@code Z} or {@code ±HH:MM} that ends {@code t} at {@code i}, in seconds; else null. */
    private static Integer offsetSeconds(String t, int i) {
        int n = t.length();
        if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
            return 0;
        }
        if (i != n - 6 || t.charAt(i) != '+' && t.charAt(i) != '-' || t.charAt(i + 3) != ':') {
            return null;
        }
        int hh = digits(t, i + 1, 2);
        int mm = digits(t, i + 4, 2);
        if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
            return null;
        }
        return (t.charAt(i) == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Like {@link #parse} but empty for blank or invalid text. */
    public static Optional<Instant> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
