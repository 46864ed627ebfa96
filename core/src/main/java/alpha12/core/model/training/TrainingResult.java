package alpha12.core.model.training;

import alpha12.core.model.FeatureImportance;
import alpha12.core.model.TimeframeModel;
import alpha12.core.model.TrainingSettings;
import alpha12.core.model.validation.ValidationMetrics;
import java.time.Instant;
import java.util.List;

/**
 * A trained model with the numbers that judge it: {@code validation} from walk-forward out-of-fold
 * predictions (honest), {@code trainAccuracy} from the final model on its own training rows (what the
 * seed reported as accuracy; optimistic by construction), the label's positive rate and the top features.
 */
public record TrainingResult(
        TimeframeModel model,
        ValidationMetrics validation,
        double trainAccuracy,
        List<FeatureImportance> topFeatures,
        int samples,
        double positiveRate,
        Instant dataStart,
        Instant dataEnd,
        Instant trainedAt,
        TrainingSettings settings) {

    public TrainingResult {
        topFeatures = List.copyOf(topFeatures);
    }

    public List<String> topFeatureNames() {
        return topFeatures.stream().map(FeatureImportance::feature).toList();
    }
}
