package alpha12.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Binance kline interval. The five trading timeframes plus 1m (the tracker's replay bars)
 * and 1w (only as the higher timeframe of 1d; weeks open Monday 00:00 UTC, as on Binance).
 */
public enum Interval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1)),
    W1("1w", Duration.ofDays(7));

    /** The timeframes that are analysed and modelled. */
    public static final List<Interval> TIMEFRAMES = List.of(M5, M15, H1, H4, D1);

    /** 1970-01-01 was a Thursday; Binance weeks open on Monday, four days later. */
    private static final long WEEK_OFFSET_MS = Duration.ofDays(4).toMillis();

    private final String code;
    private final Duration duration;
    private final long millis;

    Interval(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
        this.millis = duration.toMillis();
    }

    /** The Binance interval string, e.g. {@code 4h}. */
    public String code() {
        return code;
    }

    public Duration duration() {
        return duration;
    }

    public long millis() {
        return millis;
    }

    /** Open time (epoch ms) of the bar that contains {@code epochMs}. */
    public long openOf(long epochMs) {
        long offset = this == W1 ? WEEK_OFFSET_MS : 0L;
        return Math.floorDiv(epochMs - offset, millis) * millis + offset;
    }

    public boolean isAligned(long openTimeMs) {
        return openOf(openTimeMs) == openTimeMs;
    }

    /** The close (exclusive end) of the bar that opens at {@code openTimeMs}. */
    public long closeOf(long openTimeMs) {
        return openTimeMs + millis;
    }

    /** Open time of the last bar that has fully closed at {@code now}. */
    public Instant lastClosedOpen(Instant now) {
        return Instant.ofEpochMilli(openOf(now.toEpochMilli()) - millis);
    }

    /** Bars of this interval per day (fractional for 1w). */
    public double barsPerDay() {
        return Duration.ofDays(1).toMillis() / (double) millis;
    }

    /**
     * The higher timeframe whose trend and RSI feed this interval's features:
     * 5m and 15m use 1h, 1h uses 4h, 4h uses 1d, 1d uses 1w.
     */
    public Interval higherTimeframe() {
        return switch (this) {
            case M1, M5, M15 -> H1;
            case H1 -> H4;
            case H4 -> D1;
            case D1, W1 -> W1;
        };
    }

    public static Optional<Interval> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
