package alpha12.core.features;

import static alpha12.core.features.Columns.OBV_SLOPE_10;
import static alpha12.core.features.Columns.RET_1;
import static alpha12.core.features.Columns.VOLUME_MOMENTUM;
import static alpha12.core.features.Columns.VOLUME_PRICE_TREND_5;
import static alpha12.core.features.Columns.VOLUME_RATIO;
import static alpha12.core.features.Columns.VWAP_DISTANCE_20;

import alpha12.core.market.KlineSeries;
import java.util.Arrays;

/**
 * Volume relative to its 20-bar mean, its log change, the 10-bar OBV change (TA-Lib OBV) and the
 * volume-weighted 5-bar return, each per unit of window volume, and the distance from the 20-bar VWAP.
 * Windows without any volume (exchange outages) have no volume-weighted value: the feature is 0 there
 * (1 for volume_ratio: the bar's volume equals the window's mean). Needs {@code ret_1} already computed.
 *
 * <p>Every window keeps a rolling total and a count of its bars with volume: a rolling total can keep a
 * rounding residue after large values leave, so "no volume" is recognised by the count, exactly.
 */
final class VolumeFeatures {

    private VolumeFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        ratioAndMomentum(s.volume(), out[VOLUME_RATIO], out[VOLUME_MOMENTUM]);
        obvSlope(s.close(), s.volume(), out[OBV_SLOPE_10]);
        volumePriceTrend(out[RET_1], s.volume(), out[VOLUME_PRICE_TREND_5]);
        vwapDistance(s, out[VWAP_DISTANCE_20]);
    }

    private static void ratioAndMomentum(double[] volume, double[] ratio, double[] momentum) {
        int n = volume.length;
        int window = 20;
        Arrays.fill(ratio, 0, Math.min(window - 1, n), Double.NaN);
        double total = 0.0;
        int withVolume = 0;
        for (int i = 0; i < n; i++) {
            total += volume[i];
            withVolume += volume[i] > 0.0 ? 1 : 0;
            if (i >= window) {
                total -= volume[i - window];
                withVolume -= volume[i - window] > 0.0 ? 1 : 0;
            }
            if (i >= window - 1) {
                ratio[i] = withVolume > 0 ? volume[i] / (total / window) : 1.0;
            }
            momentum[i] = i == 0 ? Double.NaN
                    : volume[i] > 0.0 && volume[i - 1] > 0.0 ? Math.log(volume[i] / volume[i - 1]) : 0.0;
        }
    }

    /** (OBV - OBV[-10]) / volume of the last 10 bars, with OBV accumulated as TA-Lib does from bar 0. */
    private static void obvSlope(double[] close, double[] volume, double[] out) {
        int n = close.length;
        int lag = 10;
        Arrays.fill(out, 0, Math.min(lag, n), Double.NaN);
        double[] ring = new double[lag];
        double obv = n > 0 ? volume[0] : 0.0;
        double total = 0.0;
        int withVolume = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                if (close[i] > close[i - 1]) {
                    obv += volume[i];
                } else if (close[i] < close[i - 1]) {
                    obv -= volume[i];
                }
            }
            total += volume[i];
            withVolume += volume[i] > 0.0 ? 1 : 0;
            if (i >= lag) {
                total -= volume[i - lag];
                withVolume -= volume[i - lag] > 0.0 ? 1 : 0;
                out[i] = withVolume > 0 ? (obv - ring[i % lag]) / total : 0.0;
            }
            ring[i % lag] = obv;
        }
    }

    /** Σ(volume·ret_1) / Σvolume over 5 bars; ret_1 starts at bar 1, so this starts at bar 5. */
    private static void volumePriceTrend(double[] ret1, double[] volume, double[] out) {
        int n = volume.length;
        int window = 5;
        Arrays.fill(out, 0, Math.min(window, n), Double.NaN);
        double weighted = 0.0;
        double total = 0.0;
        int withVolume = 0;
        for (int i = 1; i < n; i++) {
            weighted += volume[i] * ret1[i];
            total += volume[i];
            withVolume += volume[i] > 0.0 ? 1 : 0;
            if (i > window) {
                weighted -= volume[i - window] * ret1[i - window];
                total -= volume[i - window];
                withVolume -= volume[i - window] > 0.0 ? 1 : 0;
            }
            if (i >= window) {
                out[i] = withVolume > 0 ? weighted / total : 0.0;
            }
        }
    }

    /** close / VWAP(20) - 1, VWAP from the typical price (h+l+c)/3. */
    private static void vwapDistance(KlineSeries s, double[] out) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] volume = s.volume();
        int n = close.length;
        int window = 20;
        Arrays.fill(out, 0, Math.min(window - 1, n), Double.NaN);
        double value = 0.0;
        double total = 0.0;
        int withVolume = 0;
        for (int i = 0; i < n; i++) {
            value += (high[i] + low[i] + close[i]) / 3.0 * volume[i];
            total += volume[i];
            withVolume += volume[i] > 0.0 ? 1 : 0;
            if (i >= window) {
                int j = i - window;
                value -= (high[j] + low[j] + close[j]) / 3.0 * volume[j];
                total -= volume[j];
                withVolume -= volume[j] > 0.0 ? 1 : 0;
            }
            if (i >= window - 1) {
                out[i] = withVolume > 0 ? close[i] / (value / total) - 1.0 : 0.0;
            }
        }
    }
}
