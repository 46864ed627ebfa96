package alpha12.core.features;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;

/**
 * Computes the 44 features of {@link FeatureNames#ALL} for every bar of a series of closed candles. Each
 * feature at bar t depends only on bars 0..t (causal), so computing on a prefix gives the same rows, bit
 * for bit. Each family makes one pass over primitive arrays. See docs/features.md for the definitions.
 */
public final class FeatureSet {

    private FeatureSet() {
    }

    /**
     * The feature matrix of {@code series}: rows before {@link FeatureMatrix#firstRow()} are warm-up and
     * hold NaN in some column; from it on every value is finite.
     *
     * @throws IllegalArgumentException when the columns differ in length, open times are not strictly increasing and aligned to the
     *         interval, a price is not positive and finite, or a volume is negative or not finite
     */
    public static FeatureMatrix compute(KlineSeries series) {
        validate(series);
        int n = series.size();
        double[][] columns = new double[FeatureNames.COUNT][n];
        MomentumFeatures.compute(series, columns);
        VolatilityFeatures.compute(series, columns);
        TrendFeatures.compute(series, columns);
        DirectionalMovement.compute(series, columns);
        HurstExponent.compute(series, columns);
        OscillatorFeatures.compute(series, columns);
        VolumeFeatures.compute(series, columns);
        CandleFeatures.compute(series, columns);
        HigherTimeframeFeatures.compute(series, columns);
        return new FeatureMatrix(series.interval(), series.openTime(), columns, firstRow(columns, n));
    }

    /**
     * Bars of history that {@code interval} needs before its first complete feature row, with a margin:
     * {@code volatility_168}'s 168 bars, or 26 closes of the higher timeframe (plus a partial first bin)
     * for {@code htf_trend}'s EMA(26), whichever is longer — 324 bars on 5m, 189 on 1d, 169 otherwise.
     */
    public static int warmUpBars(Interval interval) {
        long perHigherBar = interval.higherTimeframe().millis() / interval.millis();
        return (int) Math.max(169, 27 * perHigherBar);
    }

    /** The first bar from which no column is in warm-up (NaN); {@code n} when there is none. */
    private static int firstRow(double[][] columns, int n) {
        int first = 0;
        for (double[] column : columns) {
            int i = 0;
            while (i < n && Double.isNaN(column[i])) {
                i++;
            }
            first = Math.max(first, i);
        }
        return first;
    }

    private static void validate(KlineSeries s) {
        long[] time = s.openTime();
        double[] open = s.open();
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] volume = s.volume();
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException(s + ": columns differ in length (open times " + n + ", open "
                    + open.length + ", high " + high.length + ", low " + low.length + ", close " + close.length
                    + ", volume " + volume.length + ")");
        }
        for (int i = 0; i < time.length; i++) {
            if (!s.interval().isAligned(time[i])) {
                throw new IllegalArgumentException(s + ": bar " + i + " opens at " + time[i]
                        + " ms, not on a " + s.interval() + " boundary");
            }
            if (i > 0 && time[i] <= time[i - 1]) {
                throw new IllegalArgumentException(s + ": open times must be strictly increasing, bar " + i
                        + " opens at " + time[i] + " ms after " + time[i - 1] + " ms");
            }
            if (!(positive(open[i]) && positive(high[i]) && positive(low[i]) && positive(close[i]))) {
                throw new IllegalArgumentException(s + ": bar " + i + " has a price that is not positive and"
                        + " finite (open " + open[i] + ", high " + high[i] + ", low " + low[i] + ", close "
                        + close[i] + ")");
            }
            if (!(volume[i] >= 0.0 && volume[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(s + ": bar " + i + " has volume " + volume[i]
                        + "; expected a finite value >= 0");
            }
        }
    }

    private static boolean positive(double v) {
        return v > 0.0 && v < Double.POSITIVE_INFINITY;
    }
}
