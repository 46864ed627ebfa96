package alpha12.core.label;

import alpha12.core.features.AverageTrueRange;
import alpha12.core.market.KlineSeries;

/**
 * The training label, aligned with how setups trade: for bar t, barriers at close_t ± k·ATR14_t (TA-Lib
 * ATR). Label 1 if a later bar's high reaches the upper barrier first within bars t+1..t+H, 0 if a low
 * reaches the lower one first or both are reached in the same bar (the order inside a bar is unknown, so
 * the loss is assumed); if neither is reached, 1 when close_{t+H} > close_t, else 0. Touching means
 * {@code high >= upper} or {@code low <= lower}. Horizons count bars, so a gap in the data stretches one.
 */
public final class TripleBarrierLabel {

    public static final int ATR_PERIOD = 14;

    private TripleBarrierLabel() {
    }

    public static Labels compute(KlineSeries series, LabelSettings settings) {
        int n = series.size();
        int horizon = settings.horizonBars();
        double k = settings.atrMult();
        double[] atr = AverageTrueRange.of(series, ATR_PERIOD);
        double[] high = series.high();
        double[] low = series.low();
        double[] close = series.close();
        int first = Math.min(ATR_PERIOD, n);
        int end = Math.max(first, n - horizon);
        byte[] value = new byte[n];
        for (int t = first; t < end; t++) {
            value[t] = label(t, close[t] + k * atr[t], close[t] - k * atr[t], horizon, high, low, close);
        }
        return new Labels(series.openTime(), value, first, end, horizon);
    }

    private static byte label(int t, double upper, double lower, int horizon, double[] high, double[] low,
                              double[] close) {
        for (int j = t + 1; j <= t + horizon; j++) {
            if (low[j] <= lower) {
                return 0; // also when the high reached the upper barrier in the same bar
            }
            if (high[j] >= upper) {
                return 1;
            }
        }
        return close[t + horizon] > close[t] ? (byte) 1 : (byte) 0;
    }
}
