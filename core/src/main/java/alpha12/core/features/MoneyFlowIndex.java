package alpha12.core.features;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib MFI: 100 · positive money flow / total money flow over {@code period} bars, where a bar's money
 * flow is typical price × volume, positive when the typical price rose. TA-Lib gives 0 when the total is
 * below 1 (no volume), and keeps running sums (subtract the oldest, add the newest) as done here.
 */
final class MoneyFlowIndex {

    private MoneyFlowIndex() {
    }

    static void compute(KlineSeries s, int period, double[] out) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] volume = s.volume();
        int n = close.length;
        Arrays.fill(out, 0, Math.min(period, n), Double.NaN);
        if (n == 0) {
            return;
        }
        double[] positive = new double[period];
        double[] negative = new double[period];
        int slot = 0;
        double positiveSum = 0.0;
        double negativeSum = 0.0;
        double previous = (high[0] + low[0] + close[0]) / 3.0;
        for (int i = 1; i < n; i++) {
            if (i > period) {
                positiveSum -= positive[slot];
                negativeSum -= negative[slot];
            }
            double typical = (high[i] + low[i] + close[i]) / 3.0;
            double change = typical - previous;
            previous = typical;
            double flow = typical * volume[i];
            if (change < 0) {
                negative[slot] = flow;
                negativeSum += flow;
                positive[slot] = 0.0;
            } else if (change > 0) {
                positive[slot] = flow;
                positiveSum += flow;
                negative[slot] = 0.0;
            } else {
                positive[slot] = 0.0;
                negative[slot] = 0.0;
            }
            slot = slot == period - 1 ? 0 : slot + 1;
            if (i >= period) {
                double total = positiveSum + negativeSum;
                out[i] = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
            }
        }
    }
}
