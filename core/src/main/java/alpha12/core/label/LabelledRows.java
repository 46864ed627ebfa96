package alpha12.core.label;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureNames;

/**
 * The training set: every bar that is past the features' warm-up and has a complete label, oldest first,
 * as a row-major {@code x} (44 columns in {@link FeatureNames#ALL} order) and {@code y} (0/1). The last
 * {@code horizonBars} bars are never in it; the bar to score is {@link FeatureMatrix#latest()}.
 */
public final class LabelledRows {

    private final int[] bar;
    private final long[] openTime;
    private final double[][] x;
    private final int[] y;
    private final int horizonBars;

    private LabelledRows(int[] bar, long[] openTime, double[][] x, int[] y, int horizonBars) {
        this.bar = bar;
        this.openTime = openTime;
        this.x = x;
        this.y = y;
        this.horizonBars = horizonBars;
    }

    /**
     * Joins features and labels of the same series.
     *
     * @throws IllegalArgumentException when they were computed on different bars
     */
    public static LabelledRows of(FeatureMatrix features, Labels labels) {
        if (!labels.matches(features.openTimes())) {
            throw new IllegalArgumentException("features (" + features.size() + " bars) and labels (" + labels.size()
                    + " bars) were computed on different klines");
        }
        int from = Math.max(features.firstRow(), labels.first());
        int to = labels.end();
        int count = Math.max(0, to - from);
        int[] bar = new int[count];
        long[] openTime = new long[count];
        double[][] x = new double[count][];
        int[] y = new int[count];
        for (int r = 0; r < count; r++) {
            int b = from + r;
            bar[r] = b;
            openTime[r] = features.openTime(b);
            x[r] = features.row(b);
            y[r] = labels.get(b);
        }
        return new LabelledRows(bar, openTime, x, y, labels.horizonBars());
    }

    /** Number of rows. */
    public int size() {
        return y.length;
    }

    /** Feature rows (row-major, shared: do not modify). */
    public double[][] x() {
        return x;
    }

    /** Labels, 0 or 1 (shared: do not modify). */
    public int[] y() {
        return y;
    }

    /** Open time (epoch ms) of each row's bar. */
    public long[] openTimes() {
        return openTime;
    }

    /** Index of each row's bar in the series. */
    public int[] bars() {
        return bar;
    }

    /** Bars each label looks ahead: rows closer than this overlap in outcome (for purging/embargo). */
    public int horizonBars() {
        return horizonBars;
    }

    /** Share of label 1: the win rate of the hypothetical long trades; NaN without rows. */
    public double winRate() {
        if (y.length == 0) {
            return Double.NaN;
        }
        int ones = 0;
        for (int v : y) {
            ones += v;
        }
        return (double) ones / y.length;
    }
}
