package alpha12.core.features;

import static alpha12.core.features.Columns.PRICE_ACCELERATION;
import static alpha12.core.features.Columns.RET_1;
import static alpha12.core.features.Columns.RET_24;
import static alpha12.core.features.Columns.RET_4;
import static alpha12.core.features.Columns.ROC_10;

import alpha12.core.market.KlineSeries;

/** Returns over 1, 4 and 24 bars, TA-Lib ROC(10) and the change of the one-bar log return. */
final class MomentumFeatures {

    private MomentumFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] close = s.close();
        double[] ret1 = out[RET_1];
        double[] accel = out[PRICE_ACCELERATION];
        int n = close.length;
        for (int i = 0; i < n; i++) {
            ret1[i] = i >= 1 ? Math.log(close[i] / close[i - 1]) : Double.NaN;
            accel[i] = i >= 2 ? ret1[i] - ret1[i - 1] : Double.NaN;
        }
        simpleReturn(close, 4, out[RET_4]);
        simpleReturn(close, 24, out[RET_24]);
        rateOfChange(close, 10, out[ROC_10]);
    }

    private static void simpleReturn(double[] close, int lag, double[] out) {
        for (int i = 0; i < close.length; i++) {
            out[i] = i >= lag ? close[i] / close[i - lag] - 1.0 : Double.NaN;
        }
    }

    /** TA-Lib ROC: {@code ((close / close[-lag]) - 1) * 100}. */
    private static void rateOfChange(double[] close, int lag, double[] out) {
        for (int i = 0; i < close.length; i++) {
            out[i] = i >= lag ? ((close[i] / close[i - lag]) - 1.0) * 100.0 : Double.NaN;
        }
    }
}
