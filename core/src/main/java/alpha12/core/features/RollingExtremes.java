package alpha12.core.features;

import java.util.Arrays;

/**
 * Highest and lowest value of a trailing window for every bar in one pass: a monotonic deque of indices,
 * so each bar enters and leaves it once (no window rescans).
 */
final class RollingExtremes {

    private RollingExtremes() {
    }

    /** {@code out[i]} = max of {@code x[i-window+1..i]} for {@code i >= window-1}, NaN before. */
    static void max(double[] x, int window, double[] out) {
        extreme(x, window, out, true);
    }

    /** {@code out[i]} = min of {@code x[i-window+1..i]} for {@code i >= window-1}, NaN before. */
    static void min(double[] x, int window, double[] out) {
        extreme(x, window, out, false);
    }

    private static void extreme(double[] x, int window, double[] out, boolean max) {
        int n = x.length;
        Arrays.fill(out, 0, Math.min(window - 1, n), Double.NaN);
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            while (tail > head && (max ? x[deque[tail - 1]] <= v : x[deque[tail - 1]] >= v)) {
                tail--;
            }
            deque[tail++] = i;
            if (deque[head] <= i - window) {
                head++;
            }
            if (i >= window - 1) {
                out[i] = x[deque[head]];
            }
        }
    }
}
