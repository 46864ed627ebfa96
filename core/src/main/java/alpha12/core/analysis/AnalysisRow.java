package alpha12.core.analysis;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.publish.ModelMeta;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.validation.ValidationMetrics;
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

    /** The seed's row for a training result: accuracy in-sample, cv_* out-of-fold, win_rate = label base rate. */
    public static AnalysisRow of(TrainingResult result, Timeframe timeframe, Instant timestamp) {
        ValidationMetrics v = result.validation();
        return new AnalysisRow(timeframe.asset(), timeframe.interval(), timestamp, result.samples(),
                result.model().featureNames().size(), result.trainAccuracy(), result.positiveRate(), v.accuracy(),
                v.precision(), v.recall(), v.f1(), result.topFeatureNames(), ModelMeta.MODEL_TYPE,
                result.model().calibration() != CalibrationMethod.NONE);
    }

    public Timeframe timeframe() {
        return new Timeframe(asset, interval);
    }

    /** This row as written at another instant: the same analysis, repeated. */
    public AnalysisRow at(Instant when) {
        return new AnalysisRow(asset, interval, when, samples, features, accuracy, winRate, cvAccuracy, cvPrecision,
                cvRecall, cvF1, topFeatures, modelType, calibrated);
    }
}
