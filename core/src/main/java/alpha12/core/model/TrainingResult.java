package alpha12.core.model;

import alpha12.core.market.Interval;
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

    /** The seed's background_analysis.csv row: accuracy in-sample, cv_* out-of-fold, win_rate = label base rate. */
    public AnalysisRow toAnalysisRow(String asset, Interval interval, Instant timestamp) {
        return new AnalysisRow(asset, interval, timestamp, samples, model.featureNames().size(), trainAccuracy,
                positiveRate, validation.accuracy(), validation.precision(), validation.recall(), validation.f1(),
                topFeatureNames(), ModelMeta.MODEL_TYPE, model.calibration() != CalibrationMethod.NONE);
    }
}
