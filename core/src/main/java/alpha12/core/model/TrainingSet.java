package alpha12.core.model;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.label.LabelledRows;
import java.time.Instant;

/**
 * A labelled dataset for one asset and timeframe, oldest row first: {@code x[i]} holds the
 * {@link FeatureNames#ALL} features of the bar opening at {@code openTimes[i]} and {@code y[i]} its
 * label (0 or 1), whose horizon of {@code label.horizonBars()} bars must be complete. The arrays are
 * not copied: the caller hands them over and does not change them afterwards.
 */
public record TrainingSet(double[][] x, int[] y, long[] openTimes, LabelSettings label) {

    public TrainingSet {
        if (x == null || y == null || openTimes == null || label == null) {
            throw new IllegalArgumentException("training set needs features, labels, open times and label settings");
        }
        if (x.length != y.length || x.length != openTimes.length) {
            throw new IllegalArgumentException("training set has " + x.length + " feature rows, " + y.length
                    + " labels and " + openTimes.length + " open times; they must be equal");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("training set is empty");
        }
        for (int i = 0; i < x.length; i++) {
            checkRow(i, x[i]);
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label of row " + i + " is " + y[i] + "; labels are 0 or 1");
            }
            if (i > 0 && openTimes[i] <= openTimes[i - 1]) {
                throw new IllegalArgumentException("open times must increase (oldest row first): row " + i + " at "
                        + Instant.ofEpochMilli(openTimes[i]) + " follows " + Instant.ofEpochMilli(openTimes[i - 1]));
            }
        }
    }

    /** The labelled rows of one series, labelled with {@code label} (whose horizon they must have). */
    public static TrainingSet of(LabelledRows rows, LabelSettings label) {
        if (rows.horizonBars() != label.horizonBars()) {
            throw new IllegalArgumentException("rows were labelled with a " + rows.horizonBars()
                    + "-bar horizon, the label settings say " + label.horizonBars());
        }
        return new TrainingSet(rows.x(), rows.y(), rows.openTimes(), label);
    }

    private static void checkRow(int i, double[] row) {
        if (row == null || row.length != FeatureNames.COUNT) {
            throw new IllegalArgumentException("feature row " + i + " has " + (row == null ? 0 : row.length)
                    + " values; expected the " + FeatureNames.COUNT + " of FeatureNames.ALL");
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("feature " + FeatureNames.ALL.get(j) + " of row " + i + " is "
                        + row[j] + "; only rows with all features finite can be trained on");
            }
        }
    }

    public int size() {
        return y.length;
    }

    /** Share of rows labelled 1. */
    public double positiveRate() {
        long positives = 0;
        for (int label : y) {
            positives += label;
        }
        return (double) positives / y.length;
    }

    public Instant firstOpen() {
        return Instant.ofEpochMilli(openTimes[0]);
    }

    public Instant lastOpen() {
        return Instant.ofEpochMilli(openTimes[openTimes.length - 1]);
    }
}
