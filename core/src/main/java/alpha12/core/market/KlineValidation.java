package alpha12.core.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checks every source applies before a candle leaves it: open times ascending, unique and on the
 * interval's grid; finite positive prices with high &ge; max(open, close) and low &le; min(open, close);
 * finite volume &ge; 0; a close time inside the bar. Binance closes a bar early around an exchange
 * outage, so an early close time is accepted, and a few of its 2017 bars close exactly at the next bar's
 * open instead of a millisecond before it, so that is accepted too; a close time outside the bar (e.g.
 * microseconds read as milliseconds) is not.
 */
public final class KlineValidation {

    private KlineValidation() {
    }

    /**
     * Throws {@link MarketDataException} naming {@code origin}, the symbol, the interval and the first bad bar.
     *
     * @param origin where the klines came from, e.g. {@code binance} or a file path
     */
    public static void check(String origin, String symbol, Interval interval, List<Kline> klines) {
        Optional<String> problem = problem(interval, klines);
        if (problem.isPresent()) {
            throw new MarketDataException(origin + ": " + symbol + " " + interval + " " + problem.get());
        }
    }

    /** The first thing wrong with {@code klines}, as a phrase starting with the bar, or empty when valid. */
    public static Optional<String> problem(Interval interval, List<Kline> klines) {
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < klines.size(); i++) {
            Kline k = klines.get(i);
            String bad = barProblem(interval, k, previous);
            if (bad != null) {
                return Optional.of("bar " + Instant.ofEpochMilli(k.openTime()) + " (#" + (i + 1) + " of "
                        + klines.size() + "): " + bad);
            }
            previous = k.openTime();
        }
        return Optional.empty();
    }

    private static String barProblem(Interval interval, Kline k, long previousOpen) {
        long open = k.openTime();
        if (!interval.isAligned(open)) {
            return "open time " + open + " is not on the " + interval + " grid";
        }
        if (open == previousOpen) {
            return "duplicate open time";
        }
        if (open < previousOpen) {
            return "open time is before the previous bar's (" + Instant.ofEpochMilli(previousOpen)
                    + "): not ascending";
        }
        if (!positive(k.open()) || !positive(k.high()) || !positive(k.low()) || !positive(k.close())) {
            return "prices must be finite and positive: open " + k.open() + ", high " + k.high() + ", low "
                    + k.low() + ", close " + k.close();
        }
        if (k.high() < Math.max(k.open(), k.close())) {
            return "high " + k.high() + " is below max(open " + k.open() + ", close " + k.close() + ")";
        }
        if (k.low() > Math.min(k.open(), k.close())) {
            return "low " + k.low() + " is above min(open " + k.open() + ", close " + k.close() + ")";
        }
        if (!(k.volume() >= 0) || Double.isInfinite(k.volume())) {
            return "volume must be finite and >= 0: " + k.volume();
        }
        if (k.closeTime() < open || k.closeTime() > interval.closeOf(open)) {
            return "close time " + k.closeTime() + " is outside the bar [" + open + ", " + interval.closeOf(open) + "]";
        }
        return null;
    }

    private static boolean positive(double price) {
        return price > 0 && !Double.isInfinite(price);
    }
}
