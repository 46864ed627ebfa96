package alpha12.core.monitor;

import alpha12.core.market.Interval;
import java.util.Map;

/** The performance monitor's look-back window and per-timeframe thresholds. */
public record MonitorSettings(int windowDays, Map<Interval, PerformanceThresholds> thresholds) {

    public static final int DEFAULT_WINDOW_DAYS = 30;

    public static final MonitorSettings DEFAULT =
            new MonitorSettings(DEFAULT_WINDOW_DAYS, PerformanceThresholds.DEFAULTS);

    public PerformanceThresholds thresholds(Interval interval) {
        PerformanceThresholds t = thresholds.get(interval);
        if (t == null) {
            throw new IllegalArgumentException("no performance thresholds for " + interval);
        }
        return t;
    }
}
