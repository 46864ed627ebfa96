package alpha12.core.features;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * TA-Lib CCI: (typical - mean typical) / (0.015 · mean absolute deviation) over the last {@code period}
 * typical prices (h+l+c)/3, 0 when either is zero. The mean absolute deviation has no rolling form: it
 * needs every value of the window, so the fixed 14-slot ring is read each bar, in TA-Lib's slot order
 * (which keeps the value equal to TA-Lib's bit for bit).
 *
 * <p>One deliberate difference: on a flat window TA-Lib means 0, but the mean of 14 equal prices can round
 * one ulp away from them, and TA-Lib then divides rounding noise by rounding noise (e.g. 66.67). A mean
 * deviation below 1e-12 of the price is such noise (a real window moves at least one 0.01 tick, ~1e-8
 * of BTC's price) and gives 0.
 */
final class CommodityChannelIndex {

    private static final double FLAT = 1e-12;

    private CommodityChannelIndex() {
    }

    static void compute(KlineSeries s, int period, double[] out) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        int n = close.length;
        Arrays.fill(out, 0, Math.min(period - 1, n), Double.NaN);
        double[] ring = new double[period];
        int slot = 0;
        for (int i = 0; i < n; i++) {
            double typical = (high[i] + low[i] + close[i]) / 3;
            ring[slot] = typical;
            slot = slot == period - 1 ? 0 : slot + 1;
            if (i < period - 1) {
                continue;
            }
            double average = 0.0;
            for (int j = 0; j < period; j++) {
                average += ring[j];
            }
            average /= period;
            double deviation = 0.0;
            for (int j = 0; j < period; j++) {
                deviation += Math.abs(ring[j] - average);
            }
            double distance = typical - average;
            boolean flat = deviation / period <= FLAT * Math.abs(average);
            out[i] = (distance != 0.0 && deviation != 0.0 && !flat)
                    ? distance / (0.015 * (deviation / period)) : 0.0;
        }
    }
}
