package alpha12.core.monitor;

import alpha12.core.market.Interval;
import java.time.Duration;
import java.util.Map;

/**
 * When a timeframe's live results count as degraded: at least {@code minTrades} trades and a win rate
 * or profit factor below these values. After a publication the key is left alone for {@code cooldown}.
 */
public record PerformanceThresholds(double winRate, double profitFactor, int minTrades, Duration cooldown) {

    /** The seeds' values (ENHANCEMENT_SUMMARY). */
    public static final Map<Interval, PerformanceThresholds> DEFAULTS = Map.of(
            Interval.M5, new PerformanceThresholds(0.45, 1.0, 50, Duration.ofHours(2)),
            Interval.M15, new PerformanceThresholds(0.48, 1.1, 40, Duration.ofHours(4)),
            Interval.H1, new PerformanceThresholds(0.52, 1.2, 30, Duration.ofHours(8)),
            Interval.H4, new PerformanceThresholds(0.55, 1.3, 20, Duration.ofHours(24)),
            Interval.D1, new PerformanceThresholds(0.58, 1.4, 15, Duration.ofHours(72)));
}
