package alpha12.core.testing;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Real BTCUSDT klines for tests: the sample bundled in core's resources (alpha12/sample, cut from
 * ../shared/data/binance; see its SOURCES.md), read directly so tests do not depend on the sources
 * under test. Any gzipped or plain public-data CSV on the test classpath can be read the same way.
 */
public final class TestKlines {

    public static final String SYMBOL = "BTCUSDT";
    private static final Map<String, List<Kline>> CACHE = new ConcurrentHashMap<>();

    private TestKlines() {
    }

    /** All bundled sample klines of an interval, oldest first. */
    public static List<Kline> sample(Interval interval) {
        return resource("/alpha12/sample/BTCUSDT-" + interval.code() + ".csv.gz", interval);
    }

    public static KlineSeries sampleSeries(Interval interval) {
        return KlineSeries.of(SYMBOL, interval, sample(interval));
    }

    /** Klines from a public-data CSV resource (gzipped when the name ends in .gz), header optional. */
    public static List<Kline> resource(String name, Interval interval) {
        return CACHE.computeIfAbsent(name, n -> List.copyOf(read(n, interval)));
    }

    private static List<Kline> read(String name, Interval interval) {
        try (InputStream raw = TestKlines.class.getResourceAsStream(name)) {
            if (raw == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Kline> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                out.add(parse(line.split(",", -1), interval));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kline parse(String[] f, Interval interval) {
        long open = Long.parseLong(f[0]);
        if (open > 10_000_000_000_000L) {
            open /= 1000; // microseconds, as Binance's 2025+ spot files
        }
        if (f.length < 7 || f[6].isBlank()) {
            return Kline.ohlcv(interval, open, d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]));
        }
        long close = Long.parseLong(f[6]);
        if (close > 10_000_000_000_000L) {
            close /= 1000;
        }
        return new Kline(open, d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), close, d(f[7]),
                f[8].isBlank() ? -1 : Long.parseLong(f[8]), d(f[9]), d(f[10]), d(f[11]));
    }

    private static double d(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
