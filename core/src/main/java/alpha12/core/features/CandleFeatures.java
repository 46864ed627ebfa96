package alpha12.core.features;

import static alpha12.core.features.Columns.BODY_SIZE;
import static alpha12.core.features.Columns.CLOSE_POSITION;
import static alpha12.core.features.Columns.LOWER_SHADOW;
import static alpha12.core.features.Columns.PRICE_VS_RESISTANCE_20;
import static alpha12.core.features.Columns.PRICE_VS_SUPPORT_20;
import static alpha12.core.features.Columns.UPPER_SHADOW;

import alpha12.core.market.KlineSeries;

/**
 * The candle's body and shadows relative to its open, where the close sits in its range (0.5 when
 * high == low, as on zero-volume outage bars), and the distance from the 20-bar low and high.
 */
final class CandleFeatures {

    private static final int WINDOW = 20;

    private CandleFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] open = s.open();
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] body = out[BODY_SIZE];
        double[] upper = out[UPPER_SHADOW];
        double[] lower = out[LOWER_SHADOW];
        double[] position = out[CLOSE_POSITION];
        for (int i = 0; i < close.length; i++) {
            double o = open[i];
            double c = close[i];
            body[i] = Math.abs(c - o) / o;
            upper[i] = (high[i] - Math.max(o, c)) / o;
            lower[i] = (Math.min(o, c) - low[i]) / o;
            double range = high[i] - low[i];
            position[i] = range > 0.0 ? (c - low[i]) / range : 0.5;
        }
        double[] support = out[PRICE_VS_SUPPORT_20];
        double[] resistance = out[PRICE_VS_RESISTANCE_20];
        RollingExtremes.min(low, WINDOW, support);
        RollingExtremes.max(high, WINDOW, resistance);
        for (int i = 0; i < close.length; i++) {
            support[i] = close[i] / support[i] - 1.0;
            resistance[i] = close[i] / resistance[i] - 1.0;
        }
    }
}
