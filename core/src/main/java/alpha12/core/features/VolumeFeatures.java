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
 */
final class VolumeFeatures {

    private VolumeFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        double[] volume = s.volume();
        int n = volume.length;
        double[] ratio = out[VOLUME_RATIO];
        double[] momentum = out[VOLUME_MOMENTUM];
        double[] sum20 = new double[n];
        windowSum(volume, volume, 20, sum20);
        for (int i = 0; i < n; i++) {
            double mean = sum20[i] / 20;
            ratio[i] = Double.isNaN(mean) ? Double.NaN : mean > 0.0 ? volume[i] / mean : 1.0;
            momentum[i] = i == 0 ? Double.NaN
                    : volume[i] > 0.0 && volume[i - 1] > 0.0 ? Math.log(volume[i] / volume[i - 1]) : 0.0;
        }
        obvSlope(s.close(), volume, out[OBV_SLOPE_10]);
        volumePriceTrend(out[RET_1], volume, out[VOLUME_PRICE_TREND_5]);
        vwapDistance(s, sum20, out[VWAP_DISTANCE_20]);
    }

    /** (OBV - OBV[-10]) / volume of the last 10 bars, with OBV accumulated as TA-Lib does from bar 0. */
    private static void obvSlope(double[] close, double[] volume, double[] out) {
        int n = close.length;
        int lag = 10;
        double[] obv = new double[n];
        double[] sum10 = new double[n];
        windowSum(volume, volume, lag, sum10);
        Arrays.fill(out, 0, Math.min(lag, n), Double.NaN);
        double running = n > 0 ? volume[0] : 0.0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                if (close[i] > close[i - 1]) {
                    running += volume[i];
                } else if (close[i] < close[i - 1]) {
                    running -= volume[i];
                }
            }
            obv[i] = running;
            if (i >= lag) {
                out[i] = sum10[i] > 0.0 ? (obv[i] - obv[i - lag]) / sum10[i] : 0.0;
            }
        }
    }

    /** Σ(volume·ret_1) / Σvolume over 5 bars; ret_1 starts at bar 1, so this starts at bar 5. */
    private static void volumePriceTrend(double[] ret1, double[] volume, double[] out) {
        int n = volume.length;
        int window = 5;
        double[] weighted = new double[n];
        for (int i = 1; i < n; i++) {
            weighted[i] = volume[i] * ret1[i];
        }
        double[] weightedSum = new double[n];
        double[] volumeSum = new double[n];
        windowSum(weighted, volume, window, weightedSum);
        windowSum(volume, volume, window, volumeSum);
        Arrays.fill(out, 0, Math.min(window, n), Double.NaN);
        for (int i = window; i < n; i++) {
            out[i] = volumeSum[i] > 0.0 ? weightedSum[i] / volumeSum[i] : 0.0;
        }
    }

    /** close / VWAP(20) - 1, VWAP from the typical price (h+l+c)/3. */
    private static void vwapDistance(KlineSeries s, double[] volumeSum, double[] out) {
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double[] volume = s.volume();
        int n = close.length;
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            value[i] = (high[i] + low[i] + close[i]) / 3.0 * volume[i];
        }
        double[] valueSum = new double[n];
        windowSum(value, volume, 20, valueSum);
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(volumeSum[i]) ? Double.NaN
                    : volumeSum[i] > 0.0 ? close[i] / (valueSum[i] / volumeSum[i]) - 1.0 : 0.0;
        }
    }

    /**
     * Trailing sum of {@code x} over {@code window} bars (NaN before), rolling. The rolling total can keep a
     * rounding residue after large values leave; when the window holds no volume at all the sum is set to
     * exactly 0 (counted, not compared), so "no volume" is recognised exactly.
     */
    static void windowSum(double[] x, double[] volume, int window, double[] out) {
        int n = x.length;
        Arrays.fill(out, 0, Math.min(window - 1, n), Double.NaN);
        double total = 0.0;
        int withVolume = 0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            if (volume[i] > 0.0) {
                withVolume++;
            }
            if (i >= window) {
                total -= x[i - window];
                if (volume[i - window] > 0.0) {
                    withVolume--;
                }
            }
            if (i >= window - 1) {
                out[i] = withVolume == 0 ? 0.0 : total;
            }
        }
    }
}
