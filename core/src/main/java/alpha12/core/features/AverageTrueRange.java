package alpha12.core.features;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib's ATR: true range from the second bar, seeded with the mean of the first {@code period} true
 * ranges, then Wilder-smoothed. Shared by the {@code atr_ratio} feature and the triple-barrier label.
 */
public final class AverageTrueRange {

    private AverageTrueRange() {
    }

    /** ATR of every bar: NaN for the first {@code period} bars (its lookback), then TA-Lib's value. */
    public static double[] of(KlineSeries series, int period) {
        double[] out = new double[series.size()];
        compute(series, period, out);
        return out;
    }

    /** {@link #of} written into {@code out}. */
    static void compute(KlineSeries series, int period, double[] out) {
        if (period < 2) {
            throw new IllegalArgumentException("ATR period must be >= 2: " + period);
        }
        double[] high = series.high();
        double[] low = series.low();
        double[] close = series.close();
        int n = close.length;
        Arrays.fill(out, 0, Math.min(period, n), Double.NaN);
        double atr = 0.0;
        for (int i = 1; i < n; i++) {
            double tr = trueRange(high[i], low[i], close[i - 1]);
            if (i < period) {
                atr += tr;
            } else if (i == period) {
                atr = (atr + tr) / period;
                out[i] = atr;
            } else {
                atr *= period - 1;
                atr += tr;
                atr /= period;
                out[i] = atr;
            }
        }
    }

    /** TA-Lib's TRANGE: the largest of high-low, |high-prevClose| and |low-prevClose|. */
    static double trueRange(double high, double low, double previousClose) {
        double greatest = high - low;
        double toHigh = Math.abs(previousClose - high);
        if (toHigh > greatest) {
            greatest = toHigh;
        }
        double toLow = Math.abs(previousClose - low);
        if (toLow > greatest) {
            greatest = toLow;
        }
        return greatest;
    }
}
