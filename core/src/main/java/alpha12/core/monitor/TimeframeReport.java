package alpha12.core.monitor;

import java.time.Duration;
import java.util.Optional;

/**
 * The monitor's finding for one asset and timeframe: the metrics, the thresholds they were judged by,
 * the verdict, how much of the cooldown is left, and why a retrain failed if it did.
 */
public record TimeframeReport(PerformanceMetrics metrics, PerformanceThresholds thresholds, Verdict verdict,
                              Duration cooldownLeft, Optional<String> failure) {

    public String key() {
        return metrics.timeframe().key();
    }
}
