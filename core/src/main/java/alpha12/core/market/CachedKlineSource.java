package alpha12.core.market;

import alpha12.core.store.RunsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live source (Binance) behind a kline cache under {@code runs/cache/klines/}: a cycle downloads only
 * the bars newer than the cache, plus any older part of the requested range the cache lacks. The cache
 * holds one contiguous run of what the exchange returned, so a hole in it is either a real exchange
 * outage or lost rows: each hole is asked about once per process, an outage is remembered, lost rows get
 * the cache discarded and rebuilt. A cache that fails validation is discarded and rebuilt likewise.
 * At most {@link #MAX_BARS} bars per file are kept, never trimming the range being served.
 */
public final class CachedKlineSource implements KlineSource {

    /**
     * Bars kept per cache file (about 6 MB): 173 days of 5m, 1.4 years of 15m, 5.7 years of 1h, 22 years of
     * 4h. A request for more keeps all it asked for; the file may grow 10% past this between trims.
     */
    public static final int MAX_BARS = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(CachedKlineSource.class);

    private final KlineSource upstream;
    private final RunsStore store;
    private final int maxBars;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A range of bar open times, both ends included. */
    private record Range(long first, long last) {
        boolean contains(Range other) {
            return first <= other.first && other.last <= last;
        }
    }

    /** One cache file and what this process has learnt from the exchange about its holes. */
    private static final class Entry {
        final KlineCacheFile file;
        /** Holes the exchange also has (outages): first missing open time to last missing open time. */
        final Map<Long, Long> outages = new HashMap<>();
        /** The exchange had nothing from {@code headCheckedFrom} until the cache's first bar, {@code headFirst}. */
        long headCheckedFrom = Long.MAX_VALUE;
        long headFirst = Long.MIN_VALUE;

        Entry(KlineCacheFile file) {
            this.file = file;
        }
    }

    public CachedKlineSource(KlineSource upstream, RunsStore store) {
        this(upstream, store, MAX_BARS);
    }

    CachedKlineSource(KlineSource upstream, RunsStore store, int maxBars) {
        this.upstream = upstream;
        this.store = store;
        this.maxBars = maxBars;
    }

    @Override
    public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
        long first = KlineRange.firstOpenAtOrAfter(interval, from);
        long last = KlineRange.lastClosedOpen(interval, now);
        if (first > last) {
            return List.of();
        }
        Entry entry = entries.computeIfAbsent(symbol + "-" + interval.code(),
                k -> new Entry(new KlineCacheFile(store, symbol, interval, maxBars)));
        synchronized (entry) {
            List<Kline> bars = refresh(entry, symbol, interval, new Range(first, last));
            return KlineRange.closedBetween(bars, interval, Instant.ofEpochMilli(first), now);
        }
    }

    private List<Kline> refresh(Entry entry, String symbol, Interval interval, Range wanted) {
        List<Kline> cached = entry.file.load();
        long step = interval.millis();
        boolean replace = cached.isEmpty() || wanted.last() < firstOpen(cached) - step
                || wanted.first() > lastOpen(cached) + step;
        if (!replace && lostRows(entry, cached, symbol, interval, wanted)) {
            replace = true;
        }
        List<Range> asked = new ArrayList<>();
        List<Kline> fetched = new ArrayList<>();
        if (replace) {
            asked.add(wanted);
        } else {
            long cachedFirst = firstOpen(cached);
            long cachedLast = lastOpen(cached);
            boolean headKnownEmpty = entry.headFirst == cachedFirst && entry.headCheckedFrom <= wanted.first();
            if (wanted.first() < cachedFirst && !headKnownEmpty) {
                asked.add(new Range(wanted.first(), cachedFirst - step));
            }
            if (wanted.last() > cachedLast) {
                asked.add(new Range(cachedLast + step, wanted.last()));
            }
        }
        if (asked.isEmpty()) {
            return cached;
        }
        for (Range r : asked) {
            fetched.addAll(fetch(symbol, interval, r));
        }
        List<Kline> bars = fetched.isEmpty() && !replace ? cached : entry.file.write(fetched, replace, wanted.first());
        learn(entry, bars, asked, step);
        return bars;
    }

    /**
     * True when a hole in the cache inside {@code wanted} is not an exchange outage: the exchange has bars
     * there, so rows were lost. Each hole is asked about once per process; outages are remembered.
     */
    private boolean lostRows(Entry entry, List<Kline> cached, String symbol, Interval interval, Range wanted) {
        long step = interval.millis();
        for (Range hole : holes(cached, step)) {
            if (hole.last() < wanted.first() || hole.first() > wanted.last()
                    || Long.valueOf(hole.last()).equals(entry.outages.get(hole.first()))) {
                continue;
            }
            List<Kline> found = fetch(symbol, interval, hole);
            if (!found.isEmpty()) {
                LOG.warn("{}: the cache misses {} {} bar(s) from {} that Binance has; discarding it and downloading "
                        + "again", entry.file.path(), found.size(), interval, Instant.ofEpochMilli(hole.first()));
                entry.outages.clear();
                return true;
            }
            entry.outages.put(hole.first(), hole.last());
        }
        return false;
    }

    /** Holes inside ranges the exchange was just asked about are outages; so is an empty head. */
    private static void learn(Entry entry, List<Kline> bars, List<Range> asked, long step) {
        for (Range hole : holes(bars, step)) {
            if (asked.stream().anyMatch(r -> r.contains(hole))) {
                entry.outages.put(hole.first(), hole.last());
            }
        }
        if (bars.isEmpty()) {
            return;
        }
        long first = firstOpen(bars);
        for (Range r : asked) {
            if (r.first() <= first && r.last() >= first - step) {
                entry.headCheckedFrom = entry.headFirst == first
                        ? Math.min(entry.headCheckedFrom, r.first()) : r.first();
                entry.headFirst = first;
            }
        }
    }

    private List<Kline> fetch(String symbol, Interval interval, Range range) {
        return upstream.closedKlines(symbol, interval, Instant.ofEpochMilli(range.first()),
                Instant.ofEpochMilli(interval.closeOf(range.last())));
    }

    private static List<Range> holes(List<Kline> bars, long step) {
        List<Range> out = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            long previous = bars.get(i - 1).openTime();
            long next = bars.get(i).openTime();
            if (next - previous > step) {
                out.add(new Range(previous + step, next - step));
            }
        }
        return out;
    }

    private static long firstOpen(List<Kline> bars) {
        return bars.get(0).openTime();
    }

    private static long lastOpen(List<Kline> bars) {
        return bars.get(bars.size() - 1).openTime();
    }

    @Override
    public String name() {
        return upstream.name() + " (cached in " + store.resolve("cache/klines") + ")";
    }

    @Override
    public Optional<Instant> dataEnd() {
        return upstream.dataEnd();
    }
}
