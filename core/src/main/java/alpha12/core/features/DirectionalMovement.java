package alpha12.core.features;

import static alpha12.core.features.Columns.ADX_14;
import static alpha12.core.features.Columns.MINUS_DI_14;
import static alpha12.core.features.Columns.PLUS_DI_14;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib PLUS_DI, MINUS_DI (lookback 14) and ADX (lookback 27) for period 14. As in TA-Lib, the
 * directional movements and true range are first summed over 13 bars, then Wilder-smoothed; the DIs are 0
 * while the smoothed true range is (near) zero, and ADX then keeps its previous value.
 */
final class DirectionalMovement {

    private static final int PERIOD = 14;

    private DirectionalMovement() {
    }

    static void compute(KlineSeries s, double[][] out) {
        int n = s.size();
        double[] dx = new double[n];
        directionalIndexes(s, out[PLUS_DI_14], out[MINUS_DI_14], dx);
        averageDirectionalIndex(dx, out[ADX_14]);
    }

    /** The DIs from bar 14, and DX where it is defined (NaN where the true range or the DI sum is ~0). */
    private static void directionalIndexes(KlineSeries s, double[] plusDi, double[] minusDi, double[] dx) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        int n = close.length;
        Arrays.fill(plusDi, 0, Math.min(PERIOD, n), Double.NaN);
        Arrays.fill(minusDi, 0, Math.min(PERIOD, n), Double.NaN);
        Arrays.fill(dx, Double.NaN);
        double plusDm = 0.0;
        double minusDm = 0.0;
        double tr = 0.0;
        for (int t = 1; t < n; t++) {
            double diffP = high[t] - high[t - 1];
            double diffM = low[t - 1] - low[t];
            double trueRange = AverageTrueRange.trueRange(high[t], low[t], close[t - 1]);
            if (t >= PERIOD) {
                minusDm -= minusDm / PERIOD;
                plusDm -= plusDm / PERIOD;
            }
            if (diffM > 0 && diffP < diffM) {
                minusDm += diffM;
            } else if (diffP > 0 && diffP > diffM) {
                plusDm += diffP;
            }
            if (t < PERIOD) {
                tr += trueRange;
                continue;
            }
            tr = tr - (tr / PERIOD) + trueRange;
            boolean hasRange = !isZero(tr);
            double minus = hasRange ? 100.0 * (minusDm / tr) : 0.0;
            double plus = hasRange ? 100.0 * (plusDm / tr) : 0.0;
            minusDi[t] = minus;
            plusDi[t] = plus;
            double diSum = minus + plus;
            if (hasRange && !isZero(diSum)) {
                dx[t] = 100.0 * (Math.abs(minus - plus) / diSum);
            }
        }
    }

    /** ADX: the mean of the DX of bars 14..27 (undefined DX adds nothing), then Wilder-smoothed. */
    private static void averageDirectionalIndex(double[] dx, double[] adx) {
        int n = dx.length;
        int first = 2 * PERIOD - 1;
        Arrays.fill(adx, 0, Math.min(first, n), Double.NaN);
        double sumDx = 0.0;
        for (int t = PERIOD; t <= first && t < n; t++) {
            if (!Double.isNaN(dx[t])) {
                sumDx += dx[t];
            }
        }
        if (first >= n) {
            return;
        }
        double value = sumDx / PERIOD;
        adx[first] = value;
        for (int t = first + 1; t < n; t++) {
            if (!Double.isNaN(dx[t])) {
                value = ((value * (PERIOD - 1)) + dx[t]) / PERIOD;
            }
            adx[t] = value;
        }
    }

    /** TA-Lib's TA_IS_ZERO. */
    private static boolean isZero(double v) {
        return v > -0.00000001 && v < 0.00000001;
    }
}
