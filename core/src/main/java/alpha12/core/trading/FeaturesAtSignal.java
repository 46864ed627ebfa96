package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;

/** One row of {@code runs/features_at_signal.csv}: the 44 features of a scored bar. */
public record FeaturesAtSignal(Instant ts, String asset, Interval interval, String setupId, double[] features) {
}
