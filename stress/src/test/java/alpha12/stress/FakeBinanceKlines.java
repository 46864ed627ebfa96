package alpha12.stress;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.testing.TestKlines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code GET /api/v3/klines} answers at a given moment, from the real bundled BTCUSDT sample
 * ({@link TestKlines#sample}, the five timeframes 5m..1d): the bars that had opened by {@code now}, selected by
 * startTime/endTime/limit as Binance does, and the bar still open at {@code now}, if the window reaches it, as
 * an unfinished candle. There are no 1m bars (the sample has none for its period), so 1m windows are empty.
 */
final class FakeBinanceKlines {

    /** Binance spot's default and largest {@code limit}. */
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private static final Map<Interval, List<Kline>> DATA = new ConcurrentHashMap<>();

    private FakeBinanceKlines() {
    }

    /** The sample's bars of {@code interval} (empty for 1m), oldest first. */
    static List<Kline> all(Interval interval) {
        return DATA.computeIfAbsent(interval, i -> Interval.TIMEFRAMES.contains(i) ? TestKlines.sample(i) : List.of());
    }

    /**
     * The bars Binance would send at {@code now}: with a start, the first {@code limit} from it up to the end;
     * with only an end, the last {@code limit} up to it; with neither, the last {@code limit} up to now. A bar
     * that opened at or before {@code now} but had not closed by then comes as {@link #unfinished} (Binance's
     * open candle); bars that open after {@code now} do not exist yet.
     */
    static List<Kline> window(Interval interval, OptionalLong start, OptionalLong end, int limit, long now) {
        List<Kline> bars = all(interval);
        long last = Math.min(end.orElse(Long.MAX_VALUE), now);
        List<Kline> out = new ArrayList<>();
        if (start.isPresent()) {
            for (int i = lowerBound(bars, start.getAsLong()); i < bars.size() && out.size() < limit; i++) {
                if (bars.get(i).openTime() > last) {
                    break;
                }
                out.add(bars.get(i));
            }
        } else {
            int to = lowerBound(bars, last + 1);
            out.addAll(bars.subList(Math.max(0, to - limit), to));
        }
        if (!out.isEmpty()) {
            Kline tail = out.get(out.size() - 1);
            if (!tail.isClosedAt(interval, now)) {
                out.set(out.size() - 1, unfinished(interval, tail, now));
            }
        }
        return out;
    }

    /**
     * {@code bar} as Binance shows it before it closes, at {@code now} inside it: the real open, and high,
     * low, close, volumes and trade count only part of the way to their final values, with the close time
     * still in the future. It differs from the closed bar, so one that reached a file would show.
     */
    static Kline unfinished(Interval interval, Kline bar, long now) {
        double f = (double) (now - bar.openTime()) / interval.millis();
        double close = bar.open() + f * (bar.close() - bar.open());
        double high = Math.max(bar.open(), close) + f * (bar.high() - Math.max(bar.open(), bar.close()));
        double low = Math.min(bar.open(), close) - f * (Math.min(bar.open(), bar.close()) - bar.low());
        return new Kline(bar.openTime(), bar.open(), high, low, close, f * bar.volume(),
                bar.openTime() + interval.millis() - 1, f * bar.quoteVolume(), bar.trades() < 0 ? -1
                : (long) (f * bar.trades()), f * bar.takerBuyBase(), f * bar.takerBuyQuote(), bar.ignore());
    }

    /**
     * The body Binance sends: one 12-element array per bar, times and the trade count as numbers, every
     * decimal as a string with at least 8 places ({@code "69702.15000000"}). The 5m sample is OHLCV only;
     * its unknown volumes go out as {@code "NaN"} and its unknown trade count as -1 rather than invented values,
     * which the client reads back unchanged.
     */
    static String json(List<Kline> bars) {
        StringBuilder out = new StringBuilder(bars.size() * 180).append('[');
        for (int i = 0; i < bars.size(); i++) {
            Kline k = bars.get(i);
            out.append(i == 0 ? "[" : ",[").append(k.openTime());
            decimal(out, k.open());
            decimal(out, k.high());
            decimal(out, k.low());
            decimal(out, k.close());
            decimal(out, k.volume());
            out.append(',').append(k.closeTime());
            decimal(out, k.quoteVolume());
            out.append(',').append(k.trades());
            decimal(out, k.takerBuyBase());
            decimal(out, k.takerBuyQuote());
            decimal(out, k.ignore());
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static void decimal(StringBuilder out, double value) {
        out.append(",\"");
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else {
            BigDecimal exact = BigDecimal.valueOf(value); // the shortest decimal that reads back as this double
            out.append((exact.scale() < 8 ? exact.setScale(8) : exact).toPlainString());
        }
        out.append('"');
    }

    private static int lowerBound(List<Kline> bars, long openTime) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTime() < openTime) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
