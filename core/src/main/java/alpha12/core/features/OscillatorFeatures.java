package alpha12.core.features;

import static alpha12.core.features.Columns.CCI_14;
import static alpha12.core.features.Columns.MFI_14;
import static alpha12.core.features.Columns.RSI_14;
import static alpha12.core.features.Columns.RSI_21;
import static alpha12.core.features.Columns.STOCH_D;
import static alpha12.core.features.Columns.STOCH_K;
import static alpha12.core.features.Columns.WILLIAMS_R_14;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib RSI(14), RSI(21), STOCH(14, 3, 3) slow K and D, CCI(14), WILLR(14) and MFI(14), each reproducing
 * TA-Lib's arithmetic and its defined values for flat input (0 where its denominator vanishes).
 */
final class OscillatorFeatures {

    private static final int PERIOD = 14;

    private OscillatorFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        WilderRsi.compute(s.close(), 14, out[RSI_14]);
        WilderRsi.compute(s.close(), 21, out[RSI_21]);
        int n = s.size();
        double[] highest = new double[n];
        double[] lowest = new double[n];
        RollingExtremes.max(s.high(), PERIOD, highest);
        RollingExtremes.min(s.low(), PERIOD, lowest);
        stochastic(s.close(), highest, lowest, out[STOCH_K], out[STOCH_D]);
        williamsR(s.close(), highest, lowest, out[WILLIAMS_R_14]);
        CommodityChannelIndex.compute(s, PERIOD, out[CCI_14]);
        MoneyFlowIndex.compute(s, PERIOD, out[MFI_14]);
    }

    /**
     * TA-Lib STOCH: fast K = (close-lowest)/((highest-lowest)/100) from bar 13 (0 on a flat window), slow K
     * its SMA(3), slow D the SMA(3) of slow K; TA-Lib starts both outputs at bar 17.
     */
    private static void stochastic(double[] close, double[] highest, double[] lowest, double[] slowK,
                                   double[] slowD) {
        int n = close.length;
        int first = PERIOD - 1;
        double[] fastK = slowD; // scratch: fast K is read once into slow K before slow D is written
        for (int i = first; i < n; i++) {
            double diff = (highest[i] - lowest[i]) / 100.0;
            fastK[i] = diff != 0.0 ? (close[i] - lowest[i]) / diff : 0.0;
        }
        MovingAverages.sma(fastK, first, 3, slowK);
        MovingAverages.sma(slowK, first + 2, 3, slowD);
        Arrays.fill(slowK, 0, Math.min(first + 4, n), Double.NaN);
    }

    /** TA-Lib WILLR: (highest-close)/((highest-lowest)/-100), 0 on a flat window. */
    private static void williamsR(double[] close, double[] highest, double[] lowest, double[] out) {
        int n = close.length;
        Arrays.fill(out, 0, Math.min(PERIOD - 1, n), Double.NaN);
        for (int i = PERIOD - 1; i < n; i++) {
            double diff = (highest[i] - lowest[i]) / (-100.0);
            out[i] = diff != 0.0 ? (highest[i] - close[i]) / diff : 0.0;
        }
    }
}
