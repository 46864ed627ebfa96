package alpha12.core.features;

import java.util.Arrays;

/**
 * Highest and lowest value of a trailing window for every bar in one pass: a monotonic deque of indices
 * (a ring of the window's size), so each bar enters and leaves it once (no window rescans).
 */
final class RollingExtremes {

    private RollingExtremes() {
    }

    /** {@code out[i]} = max of {@code x[i-window+1..i]} for {@code i >= window-1}, NaN before. */
    static void max(double[] x, int window, double[] out) {
        extreme(x, window, out, 1.0);
    }

    /** {@code out[i]} = min of {@code x[i-window+1..i]} for {@code i >= window-1}, NaN before. */
    static void min(double[] x, int window, double[] out) {
        extreme(x, window, out, -1.0);
    }

    /** The max of {@code sign * x} over the window, as {@code x}'s value: sign 1 the max, -1 the min. */
    private static void extreme(double[] x, int window, double[] out, double sign) {
        int n = x.length;
        Arrays.fill(out, 0, Math.min(window - 1, n), Double.NaN);
        int mask = Integer.highestOneBit(window) * 2 - 1;
        int[] ring = new int[mask + 1];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            double v = sign * x[i];
            while (tail > head && sign * x[ring[(tail - 1) & mask]] <= v) {
                tail--;
            }
            ring[tail++ & mask] = i;
            if (ring[head & mask] <= i - window) {
                head++;
            }
            if (i >= window - 1) {
                out[i] = x[ring[head & mask]];
            }
        }
    }
}
