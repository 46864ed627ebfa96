package alpha12.core.model.validation;

import java.util.List;

/**
 * Walk-forward validation scores of the calibrated out-of-fold predictions: each row was predicted by a
 * forest that never saw it nor any row whose label overlaps it. {@code brierBaseline} is the Brier
 * score of always predicting these rows' own share of positives, the bar to beat: like the calibrator, it
 * knows that share in hindsight, so {@code brierBaseline - brier} is skill beyond the base rate;
 * {@code rocAucRaw} the AUC of the forest's probabilities before calibration (a calibrator that is flat
 * ranks every row alike, 0.5, however the forest ranked them). The calibrator is fitted on these same
 * rows, so Brier, log loss and ECE are slightly optimistic: two parameters for Platt, more for isotonic.
 */
public record ValidationMetrics(
        double accuracy,
        double precision,
        double recall,
        double f1,
        double brier,
        double brierBaseline,
        double logLoss,
        double rocAuc,
        double rocAucRaw,
        double ece,
        List<ReliabilityBin> reliability,
        int folds,
        int skippedFolds,
        int samples,
        double positiveRate) {

    public static final int BINS = 10;

    public ValidationMetrics {
        reliability = List.copyOf(reliability);
    }

    /** Computes every score from calibrated out-of-fold probabilities. */
    public static ValidationMetrics of(double[] p, double[] raw, int[] y, int folds, int skippedFolds) {
        double positives = 0;
        for (int label : y) {
            positives += label;
        }
        double rate = positives / y.length;
        return new ValidationMetrics(
                ProbabilityMetrics.accuracy(p, y),
                ProbabilityMetrics.precision(p, y),
                ProbabilityMetrics.recall(p, y),
                ProbabilityMetrics.f1(p, y),
                ProbabilityMetrics.brier(p, y),
                rate * (1 - rate),
                ProbabilityMetrics.logLoss(p, y),
                ProbabilityMetrics.rocAuc(p, y),
                ProbabilityMetrics.rocAuc(raw, y),
                ProbabilityMetrics.expectedCalibrationError(p, y, BINS),
                ProbabilityMetrics.reliability(p, y, BINS),
                folds,
                skippedFolds,
                p.length,
                rate);
    }
}
