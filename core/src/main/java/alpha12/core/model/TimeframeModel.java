package alpha12.core.model;

import alpha12.core.label.LabelSettings;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.calibration.Calibrator;
import java.util.List;

/**
 * A published model for one asset and timeframe: the forest refitted on all labelled rows and the
 * calibrator fitted on its walk-forward out-of-fold predictions, with the ordered feature names it
 * expects and the label it predicts.
 */
public final class TimeframeModel {

    private final Forest forest;
    private final Calibrator calibrator;
    private final List<String> featureNames;
    private final LabelSettings label;

    public TimeframeModel(Forest forest, Calibrator calibrator, List<String> featureNames, LabelSettings label) {
        if (forest.features() != featureNames.size()) {
            throw new IllegalArgumentException("forest expects " + forest.features() + " features but "
                    + featureNames.size() + " names were given");
        }
        this.forest = forest;
        this.calibrator = calibrator;
        this.featureNames = List.copyOf(featureNames);
        this.label = label;
    }

    /**
     * Calibrated probability, in [0, 1], that the row's label is 1. The row holds the features in
     * {@link #featureNames()} order, all finite.
     */
    public double probability(double[] features) {
        return calibrator.apply(rawProbability(features));
    }

    /** The forest's probability before calibration. */
    public double rawProbability(double[] features) {
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("a row of " + features.length + " values; the model expects the "
                    + featureNames.size() + " features " + featureNames.get(0) + " .. "
                    + featureNames.get(featureNames.size() - 1));
        }
        for (int j = 0; j < features.length; j++) {
            if (!Double.isFinite(features[j])) {
                throw new IllegalArgumentException("feature " + featureNames.get(j) + " is " + features[j]
                        + "; a row can be scored only when all its features are finite");
            }
        }
        return forest.probability(features);
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public LabelSettings label() {
        return label;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    public CalibrationMethod calibration() {
        return calibrator.method();
    }

    public Forest forest() {
        return forest;
    }
}
