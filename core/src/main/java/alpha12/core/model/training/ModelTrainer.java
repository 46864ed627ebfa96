package alpha12.core.model.training;

import alpha12.core.features.FeatureNames;
import alpha12.core.model.FeatureImportance;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.ForestTrainer;
import alpha12.core.model.TimeframeModel;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSettings;
import alpha12.core.model.calibration.Calibrator;
import alpha12.core.model.validation.OutOfFoldPredictions;
import alpha12.core.model.validation.ProbabilityMetrics;
import alpha12.core.model.validation.ValidationMetrics;
import alpha12.core.model.validation.WalkForwardValidation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trains the model of one asset and timeframe: walk-forward validation with a purge gap of the label
 * horizon, a calibrator fitted on the out-of-fold predictions only, metrics from those calibrated
 * predictions, then the forest refitted on every labelled row. Same data and settings, same
 * probabilities, bit for bit.
 */
public final class ModelTrainer {

    public static final int TOP_FEATURES = 5;

    private final TrainingSettings settings;
    private final Clock clock;

    public ModelTrainer(TrainingSettings settings, Clock clock) {
        ForestSettings f = settings.forest();
        if (f.trees() < 1 || f.maxDepth() < 2 || f.maxNodes() < 2 || f.nodeSize() < 1 || settings.folds() < 2) {
            throw new IllegalArgumentException("invalid training settings " + settings + ": need trees >= 1, "
                    + "max depth >= 2, max nodes >= 2, node size >= 1, folds >= 2");
        }
        this.settings = settings;
        this.clock = clock;
    }

    public TrainingResult train(TrainingSet set) throws TrainingException {
        int n = set.size();
        int horizon = set.label().horizonBars();
        int minimum = WalkForwardValidation.minimumRows(settings.folds(), horizon);
        if (n < minimum) {
            throw new TrainingException(n + " labelled rows are too few for " + settings.folds()
                    + " walk-forward folds with a " + horizon + "-bar purge gap; need at least " + minimum);
        }
        double positiveRate = set.positiveRate();
        if (positiveRate == 0 || positiveRate == 1) {
            throw new TrainingException("all " + n + " labelled rows have label " + set.y()[0]
                    + "; a classifier needs both classes");
        }
        OutOfFoldPredictions oof = WalkForwardValidation.predict(set, settings);
        if (oof.folds() == 0) {
            throw new TrainingException("none of the " + settings.folds() + " walk-forward folds has both classes "
                    + "in its training and validation rows; nothing to validate or calibrate on");
        }
        Calibrator calibrator = Calibrator.fit(settings.calibration(), oof.raw(), oof.y());
        double[] calibrated = new double[oof.size()];
        for (int i = 0; i < calibrated.length; i++) {
            calibrated[i] = calibrator.apply(oof.raw()[i]);
        }
        ValidationMetrics validation = ValidationMetrics.of(calibrated, oof.raw(), oof.y(), oof.folds(),
                oof.skippedFolds());

        ForestTrainer.Fitted fitted = ForestTrainer.fit(set.x(), set.y(), n, settings.forest());
        TimeframeModel model = new TimeframeModel(fitted.forest(), calibrator, FeatureNames.ALL, set.label());
        double[] inSample = new double[n];
        for (int i = 0; i < n; i++) {
            inSample[i] = model.probability(set.x()[i]);
        }
        return new TrainingResult(model, validation, ProbabilityMetrics.accuracy(inSample, set.y()),
                topFeatures(fitted.importance()), n, positiveRate, set.firstOpen(), set.lastOpen(), clock.instant(),
                settings);
    }

    static List<FeatureImportance> topFeatures(double[] importance) {
        double total = 0;
        for (double v : importance) {
            total += v;
        }
        List<FeatureImportance> all = new ArrayList<>(importance.length);
        for (int j = 0; j < importance.length; j++) {
            if (importance[j] > 0) { // a feature no split used is not "top", whatever its place in the order
                all.add(new FeatureImportance(FeatureNames.ALL.get(j), importance[j] / total));
            }
        }
        all.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return all.subList(0, Math.min(TOP_FEATURES, all.size()));
    }
}
