package alpha12.core.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
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
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

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
