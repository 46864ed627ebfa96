package alpha12.core.features;

import static alpha12.core.features.Columns.LINREG_SLOPE_20;
import static alpha12.core.features.Columns.MACD_HIST_NORM;
import static alpha12.core.features.Columns.MACD_NORM;
import static alpha12.core.features.Columns.MACD_SIGNAL_NORM;
import static alpha12.core.features.Columns.TREND_REGIME;
import static alpha12.core.features.Columns.TREND_STRENGTH_20;
import static alpha12.core.features.Columns.TREND_STRENGTH_50;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * Distance from the 20- and 50-bar SMA and its regime, TA-Lib MACD(12, 26, 9) and LINEARREG_SLOPE(20),
 * all divided by close so that they do not scale with the price level.
 */
final class TrendFeatures {

    private static final double REGIME_THRESHOLD = 0.02;
    private static final int SLOPE_PERIOD = 20;

    private TrendFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] close = s.close();
        int n = close.length;
        double[] strength20 = out[TREND_STRENGTH_20];
        double[] regime = out[TREND_REGIME];
        MovingAverages.sma(close, 0, 20, strength20);
        for (int i = 0; i < n; i++) {
            double strength = close[i] / strength20[i] - 1.0;
            strength20[i] = strength;
            regime[i] = Double.isNaN(strength) ? Double.NaN
                    : strength > REGIME_THRESHOLD ? 1.0 : strength < -REGIME_THRESHOLD ? -1.0 : 0.0;
        }
        double[] strength50 = out[TREND_STRENGTH_50];
        MovingAverages.sma(close, 0, 50, strength50);
        for (int i = 0; i < n; i++) {
            strength50[i] = close[i] / strength50[i] - 1.0;
        }
        macd(close, out[MACD_NORM], out[MACD_SIGNAL_NORM], out[MACD_HIST_NORM]);
        linearRegressionSlope(close, SLOPE_PERIOD, out[LINREG_SLOPE_20]);
    }

    /**
     * TA-Lib MACD(12, 26, 9) divided by close. TA-Lib seeds both EMAs at bar 25 (the fast one with the mean
     * of bars 14..25, not from bar 0) and the signal at bar 33, where all three outputs begin.
     */
    private static void macd(double[] close, double[] line, double[] signal, double[] hist) {
        int n = close.length;
        int first = 33;
        Arrays.fill(line, 0, Math.min(first, n), Double.NaN);
        Arrays.fill(signal, 0, Math.min(first, n), Double.NaN);
        Arrays.fill(hist, 0, Math.min(first, n), Double.NaN);
        Ema slow = new Ema(26);
        Ema fast = new Ema(12);
        Ema signalEma = new Ema(9);
        for (int i = 0; i < n; i++) {
            double slowValue = slow.update(close[i]);
            if (i < 14) {
                continue;
            }
            double fastValue = fast.update(close[i]);
            if (i < 25) {
                continue;
            }
            double macd = fastValue - slowValue;
            double sig = signalEma.update(macd);
            if (i >= first) {
                line[i] = macd / close[i];
                signal[i] = sig / close[i];
                hist[i] = (macd - sig) / close[i];
            }
        }
    }

    /**
     * TA-Lib LINEARREG_SLOPE divided by close. TA-Lib sums each 20-bar window afresh; this does the same
     * (a fixed 20 steps per bar) because a rolling form rounds differently, and near a zero slope that
     * difference is larger than 1e-9 of the value: the feature is meant to be TA-Lib's number exactly.
     */
    private static void linearRegressionSlope(double[] close, int period, double[] out) {
        int n = close.length;
        Arrays.fill(out, 0, Math.min(period - 1, n), Double.NaN);
        double sumX = period * (period - 1) * 0.5;
        double sumXSqr = period * (period - 1) * (2 * period - 1) / 6;
        double divisor = sumX * sumX - period * sumXSqr;
        for (int today = period - 1; today < n; today++) {
            double sumXY = 0.0;
            double sumY = 0.0;
            for (int i = period; i-- != 0; ) {
                double y = close[today - i];
                sumY += y;
                sumXY += (double) i * y;
            }
            out[today] = ((period * sumXY - sumX * sumY) / divisor) / close[today];
        }
    }
}
