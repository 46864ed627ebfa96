package alpha12.core.model;

/** A feature's share of the forest's total impurity decrease (all shares sum to 1). */
public record FeatureImportance(String feature, double importance) {
}
