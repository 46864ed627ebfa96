package alpha12.core.model.publish;

import alpha12.core.model.FeatureImportance;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.validation.ValidationMetrics;
import java.time.Instant;
import java.util.List;

/**
 * The content of a published model's {@code meta.json}: what was trained on what, how it scored out of
 * fold, and why it was published. Non-finite numbers are written as null.
 */
public record ModelMeta(
        int formatVersion,
        String asset,
        String interval,
        String modelType,
        boolean calibrated,
        CalibrationMethod calibrationMethod,
        int samples,
        int features,
        List<String> featureNames,
        LabelMeta label,
        Instant trainedAt,
        Instant dataStart,
        Instant dataEnd,
        ValidationMetrics metrics,
        double trainAccuracy,
        double labelPositiveRate,
        List<FeatureImportance> topFeatures,
        ForestMeta forest,
        String smileVersion,
        String modelSha256,
        Publication publication) {

    public static final String MODEL_TYPE = "rf";

    /** The label the model predicts. */
    public record LabelMeta(String kind, int horizonBars, double atrMult) {
        public static final String TRIPLE_BARRIER = "triple_barrier";
    }

    /**
     * The forest and validation settings it was trained with; {@code leafRows} is the leaf size the final fit
     * used ({@code nodeSize}, shrunk on a small training set: {@link ForestSettings#nodeSizeFor}).
     */
    public record ForestMeta(int trees, long seed, int maxDepth, int maxNodes, int nodeSize, int mtry, int folds,
            int nodesTotal, int leafRows) {
    }
}
