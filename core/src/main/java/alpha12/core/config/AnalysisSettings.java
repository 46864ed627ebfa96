package alpha12.core.config;

import alpha12.core.features.FeatureSet;
import alpha12.core.market.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The background analysis loop: which timeframes, how often, how much history, when models age out. */
public record AnalysisSettings(List<Interval> intervals, Duration sleep, int days, int perfMonitorFreq,
                               Map<Interval, Duration> modelMaxAge) {

    public static final Map<Interval, Duration> DEFAULT_MAX_AGE = Map.of(
            Interval.M5, Duration.ofHours(6),
            Interval.M15, Duration.ofHours(12),
            Interval.H1, Duration.ofHours(24),
            Interval.H4, Duration.ofHours(72),
            Interval.D1, Duration.ofHours(168));

    /** Minimum labelled rows to train a timeframe (the original's values). */
    public static int minRows(Interval interval) {
        return switch (interval) {
            case M5 -> 300;
            case M15 -> 200;
            case H1 -> 150;
            case H4 -> 100;
            case D1 -> 80;
            default -> 150;
        };
    }

    /**
     * Bars of history to fetch for {@code interval}: {@code days} worth, but never fewer than the feature
     * warm-up + the interval's minimum rows + the label horizon — otherwise 1d could never train.
     */
    public int historyBars(Interval interval, int horizonBars) {
        long byDays = (long) Math.ceil(days * interval.barsPerDay());
        long needed = FeatureSet.warmUpBars(interval) + (long) minRows(interval) + horizonBars;
        return (int) Math.max(byDays, needed);
    }

    /** Where the history of {@code interval} starts when it is {@code now}. */
    public Instant historyStart(Interval interval, int horizonBars, Instant now) {
        long lastOpen = interval.lastClosedOpen(now).toEpochMilli();
        return Instant.ofEpochMilli(lastOpen - (historyBars(interval, horizonBars) - 1L) * interval.millis());
    }

    public Duration maxAge(Interval interval) {
        return modelMaxAge.getOrDefault(interval, DEFAULT_MAX_AGE.get(interval));
    }
}
