package alpha12.core.features;

import static alpha12.core.features.Columns.ATR_RATIO;
import static alpha12.core.features.Columns.BB_POSITION;
import static alpha12.core.features.Columns.BB_WIDTH;
import static alpha12.core.features.Columns.HIGH_LOW_RANGE;
import static alpha12.core.features.Columns.RET_1;
import static alpha12.core.features.Columns.VOLATILITY_168;
import static alpha12.core.features.Columns.VOLATILITY_24;
import static alpha12.core.features.Columns.VOLATILITY_4;
import static alpha12.core.features.Columns.VOLATILITY_REGIME;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * Realised volatility of the one-bar log return, its regime, TA-Lib ATR(14) and Bollinger bands (20, 2, 2)
 * relative to price, and the bar's own range. Needs {@code ret_1} already computed.
 */
final class VolatilityFeatures {

    static final int ATR_PERIOD = 14;
    private static final int REGIME_WINDOW = 20;

    private VolatilityFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] ret1 = out[RET_1];
        sampleStd(ret1, 1, 4, out[VOLATILITY_4]);
        sampleStd(ret1, 1, 24, out[VOLATILITY_24]);
        sampleStd(ret1, 1, 168, out[VOLATILITY_168]);
        regime(out[VOLATILITY_24], 24, out[VOLATILITY_REGIME]);

        double[] close = s.close();
        double[] atrRatio = out[ATR_RATIO];
        AverageTrueRange.compute(s, ATR_PERIOD, atrRatio);
        double[] range = out[HIGH_LOW_RANGE];
        double[] high = s.high();
        double[] low = s.low();
        for (int i = 0; i < close.length; i++) {
            atrRatio[i] /= close[i];
            range[i] = high[i] / low[i] - 1.0;
        }
        BollingerBands.compute(close, out[BB_WIDTH], out[BB_POSITION]);
    }

    /**
     * Sample standard deviation (n-1) of {@code x[i-window+1..i]}, for {@code i >= from+window-1}: a rolling
     * Welford update (replace the oldest value by the newest), which keeps precision where plain sums of
     * squares would cancel. A flat window gives 0.
     */
    static void sampleStd(double[] x, int from, int window, double[] out) {
        int n = x.length;
        int first = from + window - 1;
        Arrays.fill(out, 0, Math.min(first, n), Double.NaN);
        double mean = 0.0;
        double m2 = 0.0;
        for (int i = from; i < n; i++) {
            double v = x[i];
            int count = i - from + 1;
            if (count <= window) {
                double delta = v - mean;
                mean += delta / count;
                m2 += delta * (v - mean);
            } else {
                double old = x[i - window];
                double newMean = mean + (v - old) / window;
                m2 += (v - old) * (v - newMean + old - mean);
                mean = newMean;
            }
            if (i >= first) {
                out[i] = m2 > 0.0 ? Math.sqrt(m2 / (window - 1)) : 0.0;
            }
        }
    }

    /** 1 where volatility is above its own 20-bar mean, else 0; {@code vol} is defined from {@code from}. */
    private static void regime(double[] vol, int from, double[] out) {
        int n = vol.length;
        int first = from + REGIME_WINDOW - 1;
        Arrays.fill(out, 0, Math.min(first, n), Double.NaN);
        double sum = 0.0;
        for (int i = from; i < n; i++) {
            sum += vol[i];
            if (i >= from + REGIME_WINDOW) {
                sum -= vol[i - REGIME_WINDOW];
            }
            if (i >= first) {
                out[i] = vol[i] > sum / REGIME_WINDOW ? 1.0 : 0.0;
            }
        }
    }
}
