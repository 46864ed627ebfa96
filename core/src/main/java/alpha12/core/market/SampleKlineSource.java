package alpha12.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * {@code --source sample}: real Binance BTCUSDT klines bundled in core's resources
 * ({@code alpha12/sample}, see the SOURCES.md there), every timeframe ending 2024-04-01T00:00Z.
 */
public final class SampleKlineSource implements KlineSource {

    public static final String SYMBOL = "BTCUSDT";
    private static final String DIR = "/alpha12/sample/";

    private final Map<Interval, List<Kline>> loaded = new ConcurrentHashMap<>();

    @Override
    public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
        if (!SYMBOL.equals(symbol)) {
            throw new RequestRefusedException("sample: the bundled sample has only " + SYMBOL + " klines, not " + symbol
                    + "; use --source binance or csv:<dir> for other symbols");
        }
        return KlineRange.closedBetween(load(interval), interval, from, now);
    }

    @Override
    public String name() {
        return "sample";
    }

    /** The sample has the five timeframes of BTCUSDT; no 1-minute bars. */
    @Override
    public boolean has(String symbol, Interval interval) {
        return SYMBOL.equals(symbol) && Interval.TIMEFRAMES.contains(interval);
    }

    /** The close of the last bundled bar. */
    @Override
    public Optional<Instant> dataEnd() {
        long end = Long.MIN_VALUE;
        for (Interval interval : Interval.TIMEFRAMES) {
            List<Kline> klines = load(interval);
            end = Math.max(end, interval.closeOf(klines.get(klines.size() - 1).openTime()));
        }
        return Optional.of(Instant.ofEpochMilli(end));
    }

    private List<Kline> load(Interval interval) {
        return loaded.computeIfAbsent(interval, SampleKlineSource::read);
    }

    private static List<Kline> read(Interval interval) {
        String name = DIR + SYMBOL + "-" + interval.code() + ".csv.gz";
        InputStream raw = SampleKlineSource.class.getResourceAsStream(name);
        if (raw == null) {
            throw new RequestRefusedException("sample: the bundled sample has no " + interval + " klines; it has "
                    + Interval.TIMEFRAMES.stream().map(Interval::code).toList()
                    + " (use --source binance or csv:<dir>)");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return PublicDataCsv.read(reader, "sample " + name, SYMBOL, interval);
        } catch (IOException e) {
            throw new MarketDataException("sample: cannot read the bundled resource " + name + ": " + e.getMessage(),
                    e);
        }
    }
}
