package alpha12.core.features;

import java.time.Instant;

/** The 44 feature values of one closed bar (in {@link FeatureNames#ALL} order), identified by its open time. */
public record FeatureRow(Instant openTime, double[] values) {
}
