package alpha12.core.features;

/**
 * Wilder's RSI fed one close at a time, with TA-Lib's exact arithmetic: the first {@code period} changes
 * seed the average gain and loss with their mean, then each is smoothed by {@code (avg*(p-1) + x) / p}.
 * TA-Lib returns 0 when both averages are (near) zero, a flat window; so does this.
 */
final class WilderRsi {

    private final int period;
    private int changes = -1;
    private double previous;
    private double gain;
    private double loss;
    private double value = Double.NaN;

    WilderRsi(int period) {
        this.period = period;
    }

    /** Feeds the next close; returns the RSI, NaN until {@code period} changes have been seen. */
    double update(double close) {
        if (changes < 0) {
            previous = close;
            changes = 0;
            return value;
        }
        double change = close - previous;
        previous = close;
        if (changes < period) {
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
            if (++changes == period) {
                loss /= period;
                gain /= period;
                value = rsi(gain, loss);
            }
            return value;
        }
        loss *= (period - 1);
        gain *= (period - 1);
        if (change < 0) {
            loss -= change;
        } else {
            gain += change;
        }
        loss /= period;
        gain /= period;
        value = rsi(gain, loss);
        return value;
    }

    double value() {
        return value;
    }

    /** RSI of a whole close series: NaN for the first {@code period} bars. */
    static void compute(double[] close, int period, double[] out) {
        WilderRsi rsi = new WilderRsi(period);
        for (int i = 0; i < close.length; i++) {
            out[i] = rsi.update(close[i]);
        }
    }

    private static double rsi(double gain, double loss) {
        double total = gain + loss;
        return (total > -1e-8 && total < 1e-8) ? 0.0 : 100.0 * (gain / total);
    }
}
