package alpha12.bench;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupLifecycle;
import alpha12.core.trading.SetupPlanner;
import alpha12.core.trading.SetupSettings;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tracker's catch-up after downtime: {@code setups} pending 4h setups (valid 24 bars = 4 days) created
 * over the first week of four weeks of seeded random-walk 1-minute bars, each replayed to its end. With
 * {@code atrFraction} 0.006 most setups trigger and end within hours; with 0.2 the entry sits 5 % away, so
 * nearly every setup walks all 5,760 minutes of its validity before it expires (the worst case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SetupReplayBenchmark {

    private static final int MINUTES = 4 * 7 * 24 * 60;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Param({"100", "1000"})
    int setups;

    @Param({"0.006", "0.2"})
    double atrFraction;

    private KlineSeries bars;
    private Setup[] pending;

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
        Random random = new Random(42);
        long[] t = new long[MINUTES];
        double[] o = new double[MINUTES];
        double[] h = new double[MINUTES];
        double[] l = new double[MINUTES];
        double[] c = new double[MINUTES];
        double price = 40_000;
        for (int i = 0; i < MINUTES; i++) {
            t[i] = START.toEpochMilli() + i * Interval.M1.millis();
            o[i] = price;
            price *= Math.exp(random.nextGaussian() * 0.0008);
            c[i] = price;
            h[i] = Math.max(o[i], c[i]) * (1 + Math.abs(random.nextGaussian()) * 0.0003);
            l[i] = Math.min(o[i], c[i]) * (1 - Math.abs(random.nextGaussian()) * 0.0003);
        }
        bars = new KlineSeries("BTCUSDT", Interval.M1, t, o, h, l, c, new double[MINUTES]);
        SetupPlanner planner = new SetupPlanner(SetupSettings.DEFAULT);
        pending = new Setup[setups];
        for (int k = 0; k < setups; k++) {
            int candle = 1 + random.nextInt(7 * 6); // a 4h close in the first week
            int closeIndex = candle * 240;
            Direction direction = random.nextBoolean() ? Direction.LONG : Direction.SHORT;
            pending[k] = planner.plan(new Timeframe("BTCUSDT", Interval.H4), direction, 0.7,
                    Instant.ofEpochMilli(t[closeIndex]), c[closeIndex - 1], c[closeIndex - 1] * atrFraction);
        }
    }

    @Benchmark
    public void replayAllSetups(Blackhole sink) {
        SetupLifecycle lifecycle = new SetupLifecycle(bars);
        for (Setup s : pending) {
            Progress p = lifecycle.advance(s, START);
            sink.consume(p);
        }
    }
}
