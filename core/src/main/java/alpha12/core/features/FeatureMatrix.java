package alpha12.core.features;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.Optional;

/**
 * The 44 features of a kline series, column-major ({@code column(f)[bar]}, f in {@link FeatureNames#ALL}
 * order), with the bars' open times. Bars before {@link #firstRow()} are warm-up: consumers drop them (they
 * are never back-filled). Arrays are shared, not copied: do not modify them.
 */
public final class FeatureMatrix {

    private final Interval interval;
    private final long[] openTime;
    private final double[][] columns;
    private final int firstRow;

    FeatureMatrix(Interval interval, long[] openTime, double[][] columns, int firstRow) {
        this.interval = interval;
        this.openTime = openTime;
        this.columns = columns;
        this.firstRow = firstRow;
    }

    public Interval interval() {
        return interval;
    }

    /** Number of bars, warm-up included. */
    public int size() {
        return openTime.length;
    }

    /** Index of the first bar past warm-up; {@link #size()} when the series is too short for any. */
    public int firstRow() {
        return firstRow;
    }

    /** Number of bars past warm-up. */
    public int rowCount() {
        return size() - firstRow;
    }

    /** Open time (epoch ms) of bar {@code bar}. */
    public long openTime(int bar) {
        return openTime[bar];
    }

    /** Open times of all bars (shared). */
    public long[] openTimes() {
        return openTime;
    }

    /** Feature {@code feature} (index into {@link FeatureNames#ALL}) of every bar (shared). */
    public double[] column(int feature) {
        return columns[feature];
    }

    public double value(int feature, int bar) {
        return columns[feature][bar];
    }

    /** The 44 values of bar {@code bar}, copied into {@code into} (length 44). */
    public void copyRow(int bar, double[] into) {
        for (int f = 0; f < columns.length; f++) {
            into[f] = columns[f][bar];
        }
    }

    /** The 44 values of bar {@code bar} as a new array. */
    public double[] row(int bar) {
        double[] row = new double[columns.length];
        copyRow(bar, row);
        return row;
    }

    /** The last bar's row, the one to score, or empty when it is still in warm-up. */
    public Optional<FeatureRow> latest() {
        int last = size() - 1;
        if (last < firstRow) {
            return Optional.empty();
        }
        return Optional.of(new FeatureRow(Instant.ofEpochMilli(openTime[last]), row(last)));
    }
}
