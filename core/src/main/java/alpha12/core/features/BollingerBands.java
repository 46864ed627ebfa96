package alpha12.core.features;

import java.util.Arrays;

/**
 * TA-Lib BBANDS(20, 2, 2, SMA) as {@code bb_width} = (upper-lower)/middle and {@code bb_position} =
 * (close-lower)/(upper-lower). The middle band is TA-Lib's running-total SMA, the deviation its population
 * deviation from a running sum of squares (0 when the variance is below 1e-8), operation for operation.
 */
final class BollingerBands {

    static final int PERIOD = 20;
    private static final double DEVIATIONS = 2.0;

    private BollingerBands() {
    }

    static void compute(double[] close, double[] width, double[] position) {
        int n = close.length;
        Arrays.fill(width, 0, Math.min(PERIOD - 1, n), Double.NaN);
        Arrays.fill(position, 0, Math.min(PERIOD - 1, n), Double.NaN);
        double total = 0.0;
        double squares = 0.0;
        for (int i = 0; i < PERIOD - 1 && i < n; i++) {
            total += close[i];
            squares += close[i] * close[i];
        }
        for (int i = PERIOD - 1; i < n; i++) {
            double oldest = close[i - PERIOD + 1];
            total += close[i];
            double mid = total / PERIOD;
            total -= oldest;
            squares += close[i] * close[i];
            double meanOfSquares = squares / PERIOD;
            squares -= oldest * oldest;
            double variance = meanOfSquares - mid * mid;
            double deviation = variance < 0.00000001 ? 0.0 : Math.sqrt(variance);
            double band = deviation * DEVIATIONS;
            double upper = mid + band;
            double lower = mid - band;
            double spread = upper - lower;
            width[i] = spread / mid;
            position[i] = spread > 0.0 ? (close[i] - lower) / spread : 0.5;
        }
    }
}
