package alpha12.core.monitor;

/**
 * Retrains and publishes one timeframe's model because its live results degraded. Implemented by the
 * background analysis, which owns training; the monitor only decides when.
 */
@FunctionalInterface
public interface Retrainer {

    /** Retrains {@code metrics.timeframe()}; throws if it could not. */
    void retrain(PerformanceMetrics metrics) throws Exception;
}
