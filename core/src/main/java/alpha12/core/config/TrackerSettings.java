package alpha12.core.config;

import java.time.Duration;

/** Tracker: poll period and the fees charged per side when computing net pnl. */
public record TrackerSettings(Duration sleep, double feesBpsPerSide) {

    public static final Duration MIN_SLEEP = Duration.ofSeconds(3);
}
