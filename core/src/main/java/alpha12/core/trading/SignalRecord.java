package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;

/**
 * One row of {@code runs/signals.csv}: a scored candle and what was decided, whether or not a setup
 * came of it. {@code ts} is the scored bar's open time.
 */
public record SignalRecord(
        Instant ts,
        String asset,
        Interval interval,
        Direction signal,
        double confidence,
        double probUp,
        double probDown,
        double price,
        SignalDecision decision,
        String reason) {
}
