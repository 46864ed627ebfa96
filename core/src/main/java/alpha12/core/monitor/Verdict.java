package alpha12.core.monitor;

/** What the monitor concluded for one asset and timeframe. */
public enum Verdict {
    INSUFFICIENT_DATA("insufficient data"),
    HEALTHY("healthy"),
    DEGRADED_IN_COOLDOWN("degraded, in cooldown"),
    /** Degraded and past the cooldown: {@link PerformanceMonitor#judge} reports it, {@code run} retrains. */
    RETRAIN_DUE("degraded, retrain due"),
    RETRAINED("degraded, retrained"),
    RETRAIN_FAILED("degraded, retrain failed");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
