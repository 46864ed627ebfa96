package alpha12.core.features;

import java.util.Arrays;

/**
 * TA-Lib's simple moving average over an array, with its running total (add the new value, read, then
 * subtract the oldest): the same operations in the same order, so the results equal TA-Lib's bit for bit.
 */
final class MovingAverages {

    private MovingAverages() {
    }

    /**
     * {@code out[i]} = mean of {@code in[i-period+1..i]} for {@code i >= from + period - 1}, NaN before.
     * The running total starts at {@code from}, as TA-Lib's does at the first input it is given.
     */
    static void sma(double[] in, int from, int period, double[] out) {
        int n = in.length;
        int first = from + period - 1;
        Arrays.fill(out, 0, Math.min(first, n), Double.NaN);
        double total = 0.0;
        int i = from;
        while (i < first && i < n) {
            total += in[i++];
        }
        int trailing = from;
        while (i < n) {
            total += in[i];
            double sum = total;
            total -= in[trailing++];
            out[i++] = sum / period;
        }
    }
}
