package alpha12.core.legacy;

import alpha12.core.store.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Timestamps as the original wrote them: {@code T} or a space, {@code +08:00}, {@code +00:00} or no offset
 * at all. A timestamp with an offset is an instant; one without is only an instant where the original's
 * code says which zone it stripped (see {@link #MALAYSIA}).
 */
final class LegacyTime {

    /**
     * The original's local zone (UTC+8, no daylight saving since 1982): its adaptive validity computed
     * {@code expires_at} in this zone and then dropped the offset (original-system.md §6.5).
     */
    static final ZoneId MALAYSIA = ZoneId.of("Asia/Kuala_Lumpur");

    private LegacyTime() {
    }

    /** The instant of a timestamp with an offset; empty for one without, or for text that is no timestamp. */
    static Optional<Instant> withOffset(String text) {
        return Timestamps.tryParse(text);
    }

    /** The local date-time of a timestamp written without an offset; empty for anything else. */
    static Optional<LocalDateTime> naive(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return Optional.of(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean isTimestamp(String text) {
        return withOffset(text).isPresent() || naive(text).isPresent();
    }
}
