package alpha12.core.market;

import java.time.Instant;
import java.util.List;

/** Cutting a validated, ascending kline list to the bars a {@link KlineSource} call may return. */
final class KlineRange {

    private KlineRange() {
    }

    /** Open time of the first bar that opens at or after {@code from}. */
    static long firstOpenAtOrAfter(Interval interval, Instant from) {
        long ms = from.toEpochMilli();
        long open = interval.openOf(ms);
        return open < ms ? open + interval.millis() : open;
    }

    /** Open time of the last bar that had closed at {@code now}. */
    static long lastClosedOpen(Interval interval, Instant now) {
        return interval.lastClosedOpen(now).toEpochMilli();
    }

    /**
     * The bars of {@code klines} (ascending) that open at or after {@code from} and had closed at
     * {@code now}: an unmodifiable view, found by binary search so re-reads stay cheap.
     */
    static List<Kline> closedBetween(List<Kline> klines, Interval interval, Instant from, Instant now) {
        long first = firstOpenAtOrAfter(interval, from);
        long last = lastClosedOpen(interval, now);
        if (first > last) {
            return List.of();
        }
        int a = lowerBound(klines, first);
        int b = lowerBound(klines, last + 1);
        return a >= b ? List.of() : List.copyOf(klines).subList(a, b);
    }

    /** Index of the first bar whose open time is {@code >= openTime}. */
    static int lowerBound(List<Kline> klines, long openTime) {
        int lo = 0;
        int hi = klines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (klines.get(mid).openTime() < openTime) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
