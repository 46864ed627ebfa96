package alpha12.core.model;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code runs/background_analysis.csv}, in the seed's columns: {@code accuracy} is the final
 * model's in-sample accuracy, {@code winRate} the share of label 1, {@code cv*} out-of-fold metrics.
 */
public record AnalysisRow(
        String asset,
        Interval interval,
        Instant timestamp,
        int samples,
        int features,
        double accuracy,
        double winRate,
        double cvAccuracy,
        double cvPrecision,
        double cvRecall,
        double cvF1,
        List<String> topFeatures,
        String modelType,
        boolean calibrated) {

    /** This row as written at another instant: the same analysis, repeated. */
    public AnalysisRow at(Instant when) {
        return new AnalysisRow(asset, interval, when, samples, features, accuracy, winRate, cvAccuracy, cvPrecision,
                cvRecall, cvF1, topFeatures, modelType, calibrated);
    }
}
