package alpha12.core.trading;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import java.time.Duration;
import java.time.Instant;

/** Hand-built setups and 1-minute bars for the trading tests. */
final class TestSetups {

    static final String ASSET = "BTCUSDT";
    /** 2024-01-01T10:00:00Z: the candle close the hand-built setups are created at. */
    static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");
    static final Instant PROCESSED = Instant.parse("2024-01-02T00:00:00Z");

    private TestSetups() {
    }

    /** The bar opening {@code minutes} after {@link #T0}. */
    static Instant minute(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /**
     * A pending setup created at {@code createdAt}, valid {@code validMinutes}: long entry 100, stop 98,
     * target 103.6 (risk 2, rr 1.8); short entry 100, stop 102, target 96.4.
     */
    static Setup setup(Direction direction, TriggerRule rule, double bufferBps, Instant createdAt, int validMinutes) {
        double sign = direction.sign();
        return new Setup("AUTO-BTCUSDT-1h-TEST", "AUTO-BTCUSDT-1h-" + direction.name() + "-TEST",
                new Timeframe(ASSET, Interval.H1), direction, 0.7, Origin.AUTO,
                new Setup.Levels(100.0, 100.0 - sign * 2.0, 100.0 + sign * 3.6, 1.8), new Setup.Sizing(2.0, 200.0, 0.5),
                new Setup.Trigger(rule, bufferBps),
                Setup.Lifecycle.pending(createdAt, createdAt.plus(Duration.ofMinutes(validMinutes)), 24));
    }

    static Setup longTouch(int validMinutes) {
        return setup(Direction.LONG, TriggerRule.TOUCH, 5.0, T0, validMinutes);
    }

    static Setup shortTouch(int validMinutes) {
        return setup(Direction.SHORT, TriggerRule.TOUCH, 5.0, T0, validMinutes);
    }

    /** One bar: open time and open, high, low, close. */
    static double[] bar(Instant open, double o, double h, double l, double c) {
        return new double[] {open.toEpochMilli(), o, h, l, c};
    }

    /** 1-minute bars from rows made by {@link #bar}. */
    static KlineSeries bars(double[]... rows) {
        int n = rows.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (long) rows[i][0];
            o[i] = rows[i][1];
            h[i] = rows[i][2];
            l[i] = rows[i][3];
            c[i] = rows[i][4];
        }
        return new KlineSeries(ASSET, Interval.M1, t, o, h, l, c, new double[n]);
    }
}
