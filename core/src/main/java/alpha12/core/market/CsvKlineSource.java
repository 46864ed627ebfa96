package alpha12.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --source csv:<dir>}: klines from {@code <dir>/<SYMBOL>-<interval>.csv} in the Binance
 * public-data column order (see {@link PublicDataCsv}). A daemon re-reads its source every cycle, so
 * parsed files are kept until their modification time or size changes.
 */
public final class CsvKlineSource implements KlineSource {

    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z0-9]+)-(1m|5m|15m|1h|4h|1d|1w)\\.csv");

    private final Path dir;
    private final Map<Path, ParsedFile> parsed = new ConcurrentHashMap<>();

    private record ParsedFile(FileTime modified, long size, List<Kline> klines) {
    }

    public CsvKlineSource(Path dir) {
        this.dir = dir;
    }

    /** The file that holds {@code symbol} at {@code interval}. */
    public Path file(String symbol, Interval interval) {
        return dir.resolve(symbol + "-" + interval.code() + ".csv");
    }

    @Override
    public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
        return KlineRange.closedBetween(load(symbol, interval), interval, from, now);
    }

    /** Whether the folder has {@code <SYMBOL>-<interval>.csv}. */
    @Override
    public boolean has(String symbol, Interval interval) {
        return java.nio.file.Files.isRegularFile(file(symbol, interval));
    }

    @Override
    public String name() {
        return "csv:" + dir;
    }

    /** The close of the last bar among all {@code <SYMBOL>-<interval>.csv} files in the folder. */
    @Override
    public Optional<Instant> dataEnd() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> FILE_NAME.matcher(p.getFileName().toString()))
                    .filter(m -> m.matches())
                    .map(m -> {
                        Interval interval = Interval.fromCode(m.group(2)).orElseThrow();
                        List<Kline> klines = load(m.group(1), interval);
                        return klines.isEmpty() ? Long.MIN_VALUE
                                : interval.closeOf(klines.get(klines.size() - 1).openTime());
                    })
                    .filter(close -> close != Long.MIN_VALUE)
                    .max(Long::compare)
                    .map(Instant::ofEpochMilli);
        } catch (IOException e) {
            throw new MarketDataException(name() + ": cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<Kline> load(String symbol, Interval interval) {
        Path file = file(symbol, interval);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw missing(file, symbol, interval);
        } catch (IOException e) {
            throw new MarketDataException(name() + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        ParsedFile known = parsed.get(file);
        if (known != null && known.modified().equals(attributes.lastModifiedTime())
                && known.size() == attributes.size()) {
            return known.klines();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Kline> klines = PublicDataCsv.read(reader, file.toString(), symbol, interval);
            parsed.put(file, new ParsedFile(attributes.lastModifiedTime(), attributes.size(), klines));
            return klines;
        } catch (NoSuchFileException e) {
            throw missing(file, symbol, interval);
        } catch (IOException e) {
            throw new MarketDataException(name() + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private MarketDataException missing(Path file, String symbol, Interval interval) {
        return new MarketDataException(name() + ": no file " + file + " for " + symbol + " " + interval
                + "; expected <dir>/<SYMBOL>-<interval>.csv with Binance public-data columns " + PublicDataCsv.COLUMNS);
    }
}
