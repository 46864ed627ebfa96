package alpha12.core.model.validation;

/**
 * One bin of a reliability table: predictions in {@code [lower, upper)} (the last bin includes 1.0),
 * how many there were, their mean, and the share of them labelled 1. Both means are NaN for an empty bin.
 */
public record ReliabilityBin(double lower, double upper, int count, double meanPredicted, double observedRate) {
}
