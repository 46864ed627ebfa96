package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.Optional;

/** One row of {@code runs/features_at_signal.csv}: the 44 features of a scored bar and the setup it made, if any. */
public record FeaturesAtSignal(Instant ts, String asset, Interval interval, Optional<String> setupId,
                               double[] features) {
}
