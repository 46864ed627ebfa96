package alpha12.core.features;

/**
 * An exponential moving average fed one value at a time, as TA-Lib computes it: the first {@code period}
 * values seed it with their mean, then {@code ema += (x - ema) * 2 / (period + 1)}.
 */
final class Ema {

    private final int period;
    private final double k;
    private int count;
    private double sum;
    private double value = Double.NaN;

    Ema(int period) {
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    /** Feeds the next value; returns the average, NaN until {@code period} values have been seen. */
    double update(double x) {
        if (count < period) {
            sum += x;
            if (++count == period) {
                value = sum / period;
            }
            return value;
        }
        value = ((x - value) * k) + value;
        return value;
    }

    double value() {
        return value;
    }
}
