package alpha12.core.testing;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KlineSource} over klines held in memory (for tests of the code that consumes klines): serves
 * only bars that had closed at {@code now}, like every real source, and counts its calls.
 */
public final class InMemoryKlineSource implements KlineSource {

    private final String symbol;
    private final Map<Interval, List<Kline>> byInterval = new EnumMap<>(Interval.class);
    private int calls;

    public InMemoryKlineSource(String symbol) {
        this.symbol = symbol;
    }

    public InMemoryKlineSource with(Interval interval, List<Kline> klines) {
        byInterval.put(interval, List.copyOf(klines));
        return this;
    }

    /** The bundled BTCUSDT sample for the given intervals. */
    public static InMemoryKlineSource sample(Interval... intervals) {
        InMemoryKlineSource source = new InMemoryKlineSource(TestKlines.SYMBOL);
        for (Interval i : intervals) {
            source.with(i, TestKlines.sample(i));
        }
        return source;
    }

    public int calls() {
        return calls;
    }

    @Override
    public List<Kline> closedKlines(String sym, Interval interval, Instant from, Instant now) {
        calls++;
        List<Kline> out = new ArrayList<>();
        if (!symbol.equals(sym)) {
            return out;
        }
        for (Kline k : byInterval.getOrDefault(interval, List.of())) {
            if (k.openTime() >= from.toEpochMilli() && k.isClosedAt(interval, now.toEpochMilli())) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public boolean has(String sym, Interval interval) {
        return symbol.equals(sym) && byInterval.containsKey(interval);
    }

    @Override
    public Optional<Instant> dataEnd() {
        return byInterval.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> Instant.ofEpochMilli(e.getKey().closeOf(e.getValue().get(e.getValue().size() - 1).openTime())))
                .max(Instant::compareTo);
    }
}
