package alpha12.core.features;

import static alpha12.core.features.Columns.HURST_50;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * {@code hurst_50}: the Hurst exponent of log close over the last 50 bars, as the least-squares slope of
 * ln(std of the lag-L differences) on ln L for L = 2..20 (std is the population deviation of the 50-L
 * differences inside the window). A random walk gives about 0.5, trending series more, mean-reverting
 * less. Each lag keeps a rolling sum and sum of squares of its differences, so a bar costs 19 updates,
 * not a rescan. A window where some lag's differences do not vary (flat prices) has no defined slope
 * and gives 0.5, the no-memory value.
 */
final class HurstExponent {

    static final int WINDOW = 50;
    static final int MIN_LAG = 2;
    static final int MAX_LAG = 20;
    /** Below this variance of log-price differences (a 1e-10 deviation) a window counts as flat. */
    private static final double FLAT_VARIANCE = 1e-20;

    private HurstExponent() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] close = s.close();
        int n = close.length;
        double[] hurst = out[HURST_50];
        Arrays.fill(hurst, 0, Math.min(WINDOW - 1, n), Double.NaN);
        if (n < WINDOW) {
            return;
        }
        double[] logClose = new double[n];
        for (int i = 0; i < n; i++) {
            logClose[i] = Math.log(close[i]);
        }
        int lags = MAX_LAG - MIN_LAG + 1;
        double[] halfWeight = slopeWeights(lags);
        double[] inverseCount = new double[lags];
        for (int j = 0; j < lags; j++) {
            halfWeight[j] *= 0.5;
            inverseCount[j] = 1.0 / (WINDOW - MIN_LAG - j);
        }
        double[] sum = new double[lags];
        double[] sumSq = new double[lags];
        for (int j = 0; j < lags; j++) {
            int lag = MIN_LAG + j;
            for (int i = lag; i < WINDOW; i++) {
                double d = logClose[i] - logClose[i - lag];
                sum[j] += d;
                sumSq[j] += d * d;
            }
        }
        hurst[WINDOW - 1] = slope(sum, sumSq, halfWeight, inverseCount);
        for (int t = WINDOW; t < n; t++) {
            for (int j = 0; j < lags; j++) {
                int lag = MIN_LAG + j;
                double in = logClose[t] - logClose[t - lag];
                int leaving = t - WINDOW + lag;
                double gone = logClose[leaving] - logClose[leaving - lag];
                sum[j] += in - gone;
                sumSq[j] += in * in - gone * gone;
            }
            hurst[t] = slope(sum, sumSq, halfWeight, inverseCount);
        }
    }

    /** Σ w_L·ln(std_L) = Σ (w_L/2)·ln(var_L) with w_L the least-squares weights of ln L: the fitted slope. */
    private static double slope(double[] sum, double[] sumSq, double[] halfWeight, double[] inverseCount) {
        double slope = 0.0;
        for (int j = 0; j < halfWeight.length; j++) {
            double mean = sum[j] * inverseCount[j];
            double variance = sumSq[j] * inverseCount[j] - mean * mean;
            if (!(variance > FLAT_VARIANCE)) {
                return 0.5;
            }
            slope += halfWeight[j] * NaturalLog.ln(variance);
        }
        return slope;
    }

    /** (ln L - mean ln L) / Σ(ln L - mean ln L)²: the slope of a least-squares line is Σ w_L·y_L. */
    private static double[] slopeWeights(int lags) {
        double[] x = new double[lags];
        double mean = 0.0;
        for (int j = 0; j < lags; j++) {
            x[j] = Math.log(MIN_LAG + j);
            mean += x[j] / lags;
        }
        double sxx = 0.0;
        for (double v : x) {
            sxx += (v - mean) * (v - mean);
        }
        double[] w = new double[lags];
        for (int j = 0; j < lags; j++) {
            w[j] = (x[j] - mean) / sxx;
        }
        return w;
    }
}
