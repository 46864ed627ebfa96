package alpha12.core.market;

import static alpha12.core.store.Cells.num;

import alpha12.core.store.CsvSchema;
import alpha12.core.store.RunsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kline cache file, {@code cache/klines/<SYMBOL>-<interval>.csv} under runs/, read and written only
 * through {@link RunsStore}. The parsed bars are kept in memory while the file's modification time and
 * size are unchanged (other daemons share the file), so a cycle does not re-parse it. New bars that only
 * extend the file are appended; anything else rewrites it atomically, keeping at most {@code maxBars}.
 * Its columns are the Binance public-data order ({@link #schema}).
 */
public final class KlineCacheFile {

    private static final Logger LOG = LoggerFactory.getLogger(KlineCacheFile.class);

    private final RunsStore store;
    private final CsvSchema<Kline> schema;
    private final String symbol;
    private final Interval interval;
    private final int maxBars;
    private final Path path;

    private List<Kline> bars;
    private Stamp stamp;

    private record Stamp(FileTime modified, long size) {
    }

    KlineCacheFile(RunsStore store, String symbol, Interval interval, int maxBars) {
        this.store = store;
        this.schema = schema(symbol, interval);
        this.symbol = symbol;
        this.interval = interval;
        this.maxBars = maxBars;
        this.path = store.resolve(schema.file());
    }

    /** The cache file of one symbol and interval, in the Binance public-data column order. */
    public static CsvSchema<Kline> schema(String symbol, Interval interval) {
        return new CsvSchema<>("cache/klines/" + symbol + "-" + interval.code() + ".csv",
                List.of("open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "trades",
                        "taker_buy_base", "taker_buy_quote", "ignore"),
                k -> List.of(Long.toString(k.openTime()), num(k.open()), num(k.high()), num(k.low()), num(k.close()),
                        num(k.volume()), Long.toString(k.closeTime()), num(k.quoteVolume()),
                        k.trades() < 0 ? "" : Long.toString(k.trades()), num(k.takerBuyBase()),
                        num(k.takerBuyQuote()), num(k.ignore())),
                row -> new Kline(row.integer("open_time"), row.decimal("open"), row.decimal("high"),
                        row.decimal("low"), row.decimal("close"), row.decimal("volume"), row.integer("close_time"),
                        row.optionalDecimal("quote_volume"), row.text("trades").isBlank() ? -1 : row.integer("trades"),
                        row.optionalDecimal("taker_buy_base"), row.optionalDecimal("taker_buy_quote"),
                        row.optionalDecimal("ignore")));
    }

    Path path() {
        return path;
    }

    /** The cached bars, validated and ascending; a cache that fails validation is discarded (empty) with a warning. */
    List<Kline> load() {
        Stamp before = stamp();
        if (bars != null && Objects.equals(before, stamp)) {
            return bars;
        }
        if (before == null) {
            return remember(List.of(), null);
        }
        List<Kline> rows = readFast();
        if (rows != null) {
            return remember(rows, before);
        }
        rows = store.read(schema); // moves untrusted rows aside, with a warning
        Optional<String> problem = KlineValidation.problem(interval, rows);
        if (problem.isPresent()) {
            LOG.warn("{}: the {} {} kline cache is corrupt ({}); discarding it and downloading again", path, symbol,
                    interval, problem.get());
            return remember(List.of(), null);
        }
        return remember(List.copyOf(rows), before);
    }

    /**
     * The whole file parsed by the public-data reader under the store's lock, about ten times faster than
     * the store's generic row reader; null when anything is off (header, a row, validation), so the store's
     * reader can set untrusted rows aside and the caller can judge what is left.
     */
    private List<Kline> readFast() {
        try {
            return store.locked(schema.file(), () -> {
                try {
                    String content = Files.readString(path, StandardCharsets.UTF_8);
                    if (!content.startsWith(schema.header() + "\n") || !content.endsWith("\n")) {
                        return null; // a foreign file, or an append cut short
                    }
                    BufferedReader reader = new BufferedReader(new StringReader(content));
                    reader.readLine();
                    return PublicDataCsv.read(reader, path.toString(), symbol, interval, schema.columns().size());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (MarketDataException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Stores fetched bars (ascending) and returns the file's bars afterwards.
     *
     * @param replace  drop what the file holds instead of merging with it
     * @param keepFrom bars opening at or after this are never trimmed (the range being served)
     */
    List<Kline> write(List<Kline> fetched, boolean replace, long keepFrom) {
        return store.locked(schema.file(), () -> {
            boolean extendsKnownFile = !replace && bars != null && Objects.equals(stamp(), stamp)
                    && (fetched.isEmpty() || bars.isEmpty()
                        || fetched.get(0).openTime() > bars.get(bars.size() - 1).openTime())
                    && bars.size() + fetched.size() <= maxBars + maxBars / 10;
            if (extendsKnownFile) {
                store.append(schema, fetched);
                List<Kline> all = new ArrayList<>(bars.size() + fetched.size());
                all.addAll(bars);
                all.addAll(fetched);
                return remember(List.copyOf(all), stamp());
            }
            List<Kline> known = bars == null ? List.of() : bars;
            List<Kline> written = store.update(schema, current -> merge(replace ? List.of()
                    : KlineValidation.problem(interval, current).isEmpty() ? current : known, fetched, keepFrom));
            return remember(written, stamp());
        });
    }

    /** Union by open time (fetched bars win), less the oldest bars past the bound that open before {@code keepFrom}. */
    private List<Kline> merge(List<Kline> base, List<Kline> fetched, long keepFrom) {
        TreeMap<Long, Kline> byOpen = new TreeMap<>();
        for (Kline k : base) {
            byOpen.put(k.openTime(), k);
        }
        for (Kline k : fetched) {
            byOpen.put(k.openTime(), k);
        }
        List<Kline> all = new ArrayList<>(byOpen.values());
        int drop = Math.min(Math.max(0, all.size() - maxBars), KlineRange.lowerBound(all, keepFrom));
        return all.subList(drop, all.size());
    }

    private List<Kline> remember(List<Kline> newBars, Stamp newStamp) {
        bars = newBars;
        stamp = newStamp;
        return newBars;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
