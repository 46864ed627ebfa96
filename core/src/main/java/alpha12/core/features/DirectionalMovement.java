package alpha12.core.features;

import static alpha12.core.features.Columns.ADX_14;
import static alpha12.core.features.Columns.MINUS_DI_14;
import static alpha12.core.features.Columns.PLUS_DI_14;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib PLUS_DI, MINUS_DI (lookback 14) and ADX (lookback 27) for period 14 in one pass. As in TA-Lib, the
 * directional movements and true range are first summed over 13 bars, then Wilder-smoothed; the DIs are 0
 * while the smoothed true range is (near) zero, and ADX then keeps its previous value.
 */
final class DirectionalMovement {

    private static final int PERIOD = 14;

    private DirectionalMovement() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] plusDi = out[PLUS_DI_14];
        double[] minusDi = out[MINUS_DI_14];
        double[] adx = out[ADX_14];
        int n = close.length;
        Arrays.fill(plusDi, 0, Math.min(PERIOD, n), Double.NaN);
        Arrays.fill(minusDi, 0, Math.min(PERIOD, n), Double.NaN);
        Arrays.fill(adx, 0, Math.min(2 * PERIOD - 1, n), Double.NaN);
        if (n == 0) {
            return;
        }
        double plusDm = 0.0;
        double minusDm = 0.0;
        double tr = 0.0;
        double sumDx = 0.0;
        double prevAdx = Double.NaN;
        double prevHigh = high[0];
        double prevLow = low[0];
        double prevClose = close[0];
        for (int t = 1; t < n; t++) {
            double diffP = high[t] - prevHigh;
            prevHigh = high[t];
            double diffM = prevLow - low[t];
            prevLow = low[t];
            double trueRange = AverageTrueRange.trueRange(prevHigh, prevLow, prevClose);
            prevClose = close[t];
            if (t < PERIOD) {
                if (diffM > 0 && diffP < diffM) {
                    minusDm += diffM;
                } else if (diffP > 0 && diffP > diffM) {
                    plusDm += diffP;
                }
                tr += trueRange;
                continue;
            }
            minusDm -= minusDm / PERIOD;
            plusDm -= plusDm / PERIOD;
            if (diffM > 0 && diffP < diffM) {
                minusDm += diffM;
            } else if (diffP > 0 && diffP > diffM) {
                plusDm += diffP;
            }
            tr = tr - (tr / PERIOD) + trueRange;
            boolean hasRange = !isZero(tr);
            double minus = hasRange ? 100.0 * (minusDm / tr) : 0.0;
            double plus = hasRange ? 100.0 * (plusDm / tr) : 0.0;
            minusDi[t] = minus;
            plusDi[t] = plus;
            double diSum = minus + plus;
            boolean hasDx = hasRange && !isZero(diSum);
            double dx = hasDx ? 100.0 * (Math.abs(minus - plus) / diSum) : 0.0;
            if (t < 2 * PERIOD - 1) {
                sumDx += dx;
            } else if (t == 2 * PERIOD - 1) {
                sumDx += dx;
                prevAdx = sumDx / PERIOD;
                adx[t] = prevAdx;
            } else {
                if (hasDx) {
                    prevAdx = ((prevAdx * (PERIOD - 1)) + dx) / PERIOD;
                }
                adx[t] = prevAdx;
            }
        }
    }

    /** TA-Lib's TA_IS_ZERO. */
    private static boolean isZero(double v) {
        return v > -0.00000001 && v < 0.00000001;
    }
}
