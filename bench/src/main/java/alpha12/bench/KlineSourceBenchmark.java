package alpha12.bench;

import alpha12.core.market.CachedKlineSource;
import alpha12.core.market.CsvKlineSource;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSource;
import alpha12.core.market.SampleKlineSource;
import alpha12.core.store.Cells;
import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a daemon cycle pays for klines: parsing a public-data CSV of the bundled 5m sample (26,208 bars),
 * re-reading it unchanged, loading a kline cache of that size in a new process, and a steady cycle on the
 * cache (one new bar from an upstream that answers from memory, so only the cache's own cost is measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KlineSourceBenchmark {

    private static final String SYMBOL = "BTCUSDT";
    private static final Instant END = Instant.parse("2024-04-01T00:00:00Z");

    private Path dir;
    private List<Kline> bars;
    private CsvKlineSource warmCsv;
    private RunsStore store;
    private KlineSource memory;
    private CachedKlineSource steady;
    private Instant steadyNow;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("alpha12-bench");
        bars = new SampleKlineSource().closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, END);
        StringBuilder csv = new StringBuilder();
        for (Kline k : bars) {
            csv.append(k.openTime()).append(',').append(Cells.num(k.open())).append(',').append(Cells.num(k.high()))
                    .append(',').append(Cells.num(k.low())).append(',').append(Cells.num(k.close())).append(',')
                    .append(Cells.num(k.volume())).append('\n');
        }
        Files.writeString(dir.resolve("BTCUSDT-5m.csv"), csv);
        warmCsv = new CsvKlineSource(dir);
        warmCsv.closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, END);

        memory = new KlineSource() {
            @Override
            public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
                return bars.stream().filter(k -> k.openTime() >= from.toEpochMilli()
                        && k.isClosedAt(interval, now.toEpochMilli())).toList();
            }

            @Override
            public String name() {
                return "memory";
            }
        };
        store = new RunsStore(dir.resolve("runs"), Clock.systemUTC());
        steadyNow = END.minus(Duration.ofDays(30));
        steady = new CachedKlineSource(memory, store);
        steady.closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, steadyNow);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A new csv source parsing and validating the whole file. */
    @Benchmark
    public int csvFirstRead() {
        return new CsvKlineSource(dir).closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, END).size();
    }

    /** The same source again with the file unchanged: what every later cycle pays. */
    @Benchmark
    public int csvRereadUnchanged() {
        return warmCsv.closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, END).size();
    }

    /** A new process loading the whole cache file (and asking the upstream for nothing). */
    @Benchmark
    public int cacheLoadInNewProcess() {
        return new CachedKlineSource(memory, store).closedKlines(SYMBOL, Interval.M5, Instant.EPOCH, steadyNow).size();
    }

    /** One cycle 5 minutes later: one bar fetched, appended to the file (fsync), all served. */
    @Benchmark
    public int cacheCycleWithOneNewBar() {
        steadyNow = steadyNow.plus(Duration.ofMinutes(5));
        if (steadyNow.isAfter(END)) {
            steadyNow = END.minus(Duration.ofDays(30));
        }
        return steady.closedKlines(SYMBOL, Interval.M5, steadyNow.minus(Duration.ofDays(60)), steadyNow).size();
    }
}
