package alpha12.tracker;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.Timeframe;
import alpha12.core.testing.TestKlines;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupPlanner;
import alpha12.core.trading.SetupSettings;
import alpha12.core.trading.TriggerRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Real-data setups for the tracker tests: planned on the bundled BTCUSDT 5m sample at seeded times. */
final class TrackerFixtures {

    static final Interval BARS = Interval.M5;

    private TrackerFixtures() {
    }

    /**
     * {@code count} setups on 5m candles of the sample, created between the sample's 300th bar and
     * {@code spanBars} bars later, with the candle's close and a 14-bar mean true range as ATR.
     */
    static List<Setup> setups(int count, int spanBars, long seed) {
        List<Kline> bars = TestKlines.sample(BARS);
        Random random = new Random(seed);
        List<Setup> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int i = 300 + random.nextInt(spanBars);
            Kline bar = bars.get(i);
            Direction direction = random.nextBoolean() ? Direction.LONG : Direction.SHORT;
            TriggerRule rule = random.nextInt(3) == 0 ? TriggerRule.CLOSE_THROUGH : TriggerRule.TOUCH;
            SetupSettings settings = new SetupSettings(0.1 + random.nextDouble() * 0.6, 1.0, 0.002, 1.8,
                    12 + random.nextInt(36), rule, 5.0, 400.0, 1.0, 10.0);
            Setup s = new SetupPlanner(settings).plan(new Timeframe("BTCUSDT", BARS), direction,
                    0.6 + random.nextDouble() * 0.3, Instant.ofEpochMilli(BARS.closeOf(bar.openTime())), bar.close(), atr(bars, i));
            if (out.stream().noneMatch(o -> o.id().equals(s.id()))) {
                out.add(s);
            }
        }
        return out;
    }

    static double atr(List<Kline> bars, int i) {
        double sum = 0;
        for (int k = i - 13; k <= i; k++) {
            Kline b = bars.get(k);
            double prev = bars.get(k - 1).close();
            sum += Math.max(b.high() - b.low(), Math.max(Math.abs(b.high() - prev), Math.abs(b.low() - prev)));
        }
        return sum / 14;
    }

    /** The 5m sample as {@code <dir>/BTCUSDT-5m.csv} (public-data columns), for a {@code csv:<dir>} source. */
    static Path csvSource(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder out = new StringBuilder();
        for (Kline k : TestKlines.sample(BARS)) {
            out.append(k.openTime()).append(',').append(k.open()).append(',').append(k.high()).append(',')
                    .append(k.low()).append(',').append(k.close()).append(',').append(k.volume()).append('\n');
        }
        Files.writeString(dir.resolve("BTCUSDT-5m.csv"), out);
        return dir;
    }

    /** Open time of the sample's 5m bar {@code i}. */
    static Instant barOpen(int i) {
        return Instant.ofEpochMilli(TestKlines.sample(BARS).get(i).openTime());
    }
}
