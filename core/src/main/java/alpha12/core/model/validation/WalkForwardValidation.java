package alpha12.core.model.validation;

import alpha12.core.model.Forest;
import alpha12.core.model.ForestTrainer;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expanding-window walk-forward validation with a purge gap, fold for fold like scikit-learn's
 * {@code TimeSeriesSplit(n_splits, gap)}: the rows are cut into {@code folds + 1} blocks of equal size
 * (the first absorbs the remainder); fold k validates on block k + 1 and trains on everything before it
 * except the last {@code gap} rows. With the gap equal to the label horizon H, the label of the last
 * training row (bars i+1..i+H) ends before the first validation bar, so no training label overlaps a
 * validation bar.
 */
public final class WalkForwardValidation {

    private static final Logger LOG = LoggerFactory.getLogger(WalkForwardValidation.class);

    private WalkForwardValidation() {
    }

    /**
     * Trains one forest per fold and predicts its validation rows. The purge gap is the label horizon. A
     * fold whose training or validation rows hold one class only is skipped and counted.
     */
    public static OutOfFoldPredictions predict(TrainingSet set, TrainingSettings settings) {
        List<Fold> folds = folds(set.size(), settings.folds(), set.label().horizonBars());
        int capacity = set.size() - folds.get(0).validationStart();
        int[] rows = new int[capacity];
        double[] raw = new double[capacity];
        int[] y = new int[capacity];
        int filled = 0;
        int skipped = 0;
        for (Fold fold : folds) {
            int trainPositives = positives(set.y(), 0, fold.trainEnd());
            int validationPositives = positives(set.y(), fold.validationStart(), fold.validationEnd());
            if (trainPositives == 0 || trainPositives == fold.trainRows()
                    || validationPositives == 0 || validationPositives == fold.validationRows()) {
                LOG.info("walk-forward fold {} skipped: one class only in its {} rows", fold.number(),
                        trainPositives == 0 || trainPositives == fold.trainRows() ? "training" : "validation");
                skipped++;
                continue;
            }
            Forest forest = ForestTrainer.fit(set.x(), set.y(), fold.trainEnd(), settings.forest()).forest();
            for (int i = fold.validationStart(); i < fold.validationEnd(); i++) {
                rows[filled] = i;
                raw[filled] = forest.probability(set.x()[i]);
                y[filled] = set.y()[i];
                filled++;
            }
        }
        return new OutOfFoldPredictions(Arrays.copyOf(rows, filled), Arrays.copyOf(raw, filled),
                Arrays.copyOf(y, filled), folds.size() - skipped, skipped);
    }

    private static int positives(int[] y, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum;
    }

    /** The folds for {@code rows} rows, oldest first; a clear error when there are too few rows. */
    public static List<Fold> folds(int rows, int folds, int gap) {
        if (folds < 2) {
            throw new IllegalArgumentException("walk-forward validation needs at least 2 folds, got " + folds);
        }
        if (gap < 0) {
            throw new IllegalArgumentException("purge gap must be >= 0 bars, got " + gap);
        }
        if (rows < minimumRows(folds, gap)) {
            throw new IllegalArgumentException(rows + " rows are too few for " + folds + " walk-forward folds with a "
                    + gap + "-bar purge gap; need at least " + minimumRows(folds, gap));
        }
        int validationSize = rows / (folds + 1);
        int firstValidation = rows - folds * validationSize;
        List<Fold> out = new ArrayList<>(folds);
        for (int k = 0; k < folds; k++) {
            int start = firstValidation + k * validationSize;
            out.add(new Fold(k + 1, start - gap, start, start + validationSize));
        }
        return out;
    }

    /**
     * Fewest rows from which on every row count works: each validation block then has more rows than the
     * gap, so the first training window keeps at least one row.
     */
    public static int minimumRows(int folds, int gap) {
        return (gap + 1) * (folds + 1);
    }
}
