package alpha12.core.market;

import java.util.Arrays;
import java.util.List;

/**
 * Closed candles of one symbol and interval as primitive columns, oldest first: the form that
 * features, labels and the tracker's replay read. Arrays are shared, not copied: do not modify them.
 */
public record KlineSeries(
        String symbol,
        Interval interval,
        long[] openTime,
        double[] open,
        double[] high,
        double[] low,
        double[] close,
        double[] volume) {

    public static KlineSeries of(String symbol, Interval interval, List<Kline> klines) {
        int n = klines.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Kline k = klines.get(i);
            t[i] = k.openTime();
            o[i] = k.open();
            h[i] = k.high();
            l[i] = k.low();
            c[i] = k.close();
            v[i] = k.volume();
        }
        return new KlineSeries(symbol, interval, t, o, h, l, c, v);
    }

    public int size() {
        return close.length;
    }

    /** Close time (exclusive end, epoch ms) of bar {@code i}. */
    public long closeTime(int i) {
        return openTime[i] + interval.millis();
    }

    /** The first {@code n} bars, copied: what the series looked like before later bars arrived. */
    public KlineSeries prefix(int n) {
        return new KlineSeries(symbol, interval,
                Arrays.copyOf(openTime, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public KlineSeries slice(int from, int to) {
        return new KlineSeries(symbol, interval,
                Arrays.copyOfRange(openTime, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KlineSeries s && symbol.equals(s.symbol) && interval == s.interval
                && Arrays.equals(openTime, s.openTime) && Arrays.equals(open, s.open)
                && Arrays.equals(high, s.high) && Arrays.equals(low, s.low)
                && Arrays.equals(close, s.close) && Arrays.equals(volume, s.volume);
    }

    @Override
    public int hashCode() {
        return symbol.hashCode() * 31 + interval.hashCode() * 17 + Arrays.hashCode(close);
    }

    @Override
    public String toString() {
        return "KlineSeries[" + symbol + " " + interval + ", " + size() + " bars]";
    }
}
