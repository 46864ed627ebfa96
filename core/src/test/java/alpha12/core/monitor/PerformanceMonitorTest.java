package alpha12.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.cli.SteppingClock;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.TradeRecord;
import alpha12.core.trading.TriggerRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerformanceMonitorTest {

    private static final Timeframe BTCUSDT_H1 = new Timeframe("BTCUSDT", Interval.H1);

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    /** {@code wins} targets (+1.8 %) and {@code losses} stops (−1.0 %), exiting an hour apart before NOW. */
    static List<TradeRecord> trades(String asset, Interval interval, int wins, int losses) {
        List<TradeRecord> out = new ArrayList<>();
        for (int i = 0; i < wins + losses; i++) {
            boolean win = i < wins;
            out.add(trade(asset, interval, NOW.minus(Duration.ofHours(1 + i)), win ? Outcome.TARGET : Outcome.STOP,
                    win ? 1.8 : -1.0));
        }
        return out;
    }

    static TradeRecord trade(String asset, Interval interval, Instant exit, Outcome outcome, double pnlPct) {
        double net = outcome.isTrade() ? pnlPct - 0.08 : 0.0;
        return new TradeRecord("AUTO-" + asset + "-" + interval + "-" + exit.getEpochSecond(), asset, interval,
                Direction.LONG, exit.minus(Duration.ofHours(6)), Optional.of(exit.minus(Duration.ofHours(5))), 100.0,
                99.0, 101.8, exit, 100.0 * (1 + pnlPct / 100), outcome, pnlPct, net, 1.8, 0.7, 1.0, 100.0, 0.25, 4.0,
                100.0, TriggerRule.TOUCH, 5.0, pnlPct, Origin.AUTO);
    }

    @Test
    void degradedTimeframeIsRetrainedOnceThenHeldByItsCooldown() {
        SteppingClock clock = new SteppingClock(NOW);
        PerformanceMonitor monitor = new PerformanceMonitor(MonitorSettings.DEFAULT, clock);
        // 1h: min 30 trades, win rate 0.52, cooldown 8 h. 10 wins of 32 → win rate 0.3125.
        List<TradeRecord> history = trades("BTCUSDT", Interval.H1, 10, 22);
        Map<Timeframe, Instant> published = new HashMap<>();
        List<String> retrained = new ArrayList<>();
        Retrainer retrainer = m -> {
            retrained.add(m.asset() + "_" + m.interval());
            published.put(m.timeframe(), clock.instant());
        };

        List<TimeframeReport> first = monitor.run(List.of("BTCUSDT"), List.of(Interval.H1), history,
                key -> Optional.ofNullable(published.get(key)), retrainer);
        assertThat(first.get(0).verdict()).isEqualTo(Verdict.RETRAINED);
        assertThat(first.get(0).metrics().winRate()).isCloseTo(10 / 32.0, within(1e-12));

        clock.advance(Duration.ofHours(7));
        List<TimeframeReport> second = monitor.run(List.of("BTCUSDT"), List.of(Interval.H1), history,
                key -> Optional.ofNullable(published.get(key)), retrainer);
        assertThat(second.get(0).verdict()).isEqualTo(Verdict.DEGRADED_IN_COOLDOWN);
        assertThat(second.get(0).cooldownLeft()).isEqualTo(Duration.ofHours(1));
        assertThat(retrained).containsExactly("BTCUSDT_1h");

        clock.advance(Duration.ofHours(1)); // 8 h after the publication: the cooldown is over
        monitor.run(List.of("BTCUSDT"), List.of(Interval.H1), history, key -> Optional.ofNullable(published.get(key)),
                retrainer);
        assertThat(retrained).containsExactly("BTCUSDT_1h", "BTCUSDT_1h");
    }

    @Test
    void healthyTimeframeIsLeftAlone() {
        PerformanceMonitor monitor = new PerformanceMonitor(MonitorSettings.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        // 4h: min 20, win rate 0.55, PF 1.3. 15 wins of 25 → 0.6; PF = 15·1.72 / 10·1.08 = 2.39.
        List<TimeframeReport> reports = monitor.run(List.of("BTCUSDT"), List.of(Interval.H4),
                trades("BTCUSDT", Interval.H4, 15, 10), key -> Optional.empty(), m -> {
                    throw new AssertionError("must not retrain");
                });
        assertThat(reports.get(0).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(reports.get(0).metrics().profitFactor()).isCloseTo(15 * 1.72 / (10 * 1.08), within(1e-9));
    }

    @Test
    void tooFewTradesIsInsufficientDataEvenWhenEveryTradeLost() {
        PerformanceMonitor monitor = new PerformanceMonitor(MonitorSettings.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        List<TimeframeReport> reports = monitor.run(List.of("BTCUSDT"), List.of(Interval.D1),
                trades("BTCUSDT", Interval.D1, 0, 14), key -> Optional.empty(), m -> {
                    throw new AssertionError("must not retrain");
                });
        assertThat(reports.get(0).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
    }

    @Test
    void profitFactorBelowThresholdDegradesEvenWithAGoodWinRate() {
        PerformanceMonitor monitor = new PerformanceMonitor(MonitorSettings.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        List<TradeRecord> history = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 4h: 21 small wins, 9 big losses → win rate 0.7, PF < 1.3
            boolean win = i < 21;
            history.add(trade("ETHUSDT", Interval.H4, NOW.minus(Duration.ofHours(1 + i)),
                    win ? Outcome.TARGET : Outcome.STOP, win ? 0.5 : -2.0));
        }
        TimeframeReport r = monitor.judge(new Timeframe("ETHUSDT", Interval.H4), history, Optional.empty());
        assertThat(r.metrics().winRate()).isEqualTo(0.7);
        assertThat(r.verdict()).isEqualTo(Verdict.RETRAIN_DUE);
    }

    @Test
    void onlyTradesOfTheKeyInsideTheWindowCount() {
        List<TradeRecord> history = new ArrayList<>(trades("BTCUSDT", Interval.H1, 3, 1));
        history.add(trade("BTCUSDT", Interval.H1, NOW.minus(Duration.ofDays(31)), Outcome.STOP, -1.0));
        history.add(trade("BTCUSDT", Interval.H4, NOW.minus(Duration.ofHours(2)), Outcome.STOP, -1.0));
        history.add(trade("ETHUSDT", Interval.H1, NOW.minus(Duration.ofHours(2)), Outcome.STOP, -1.0));
        history.add(trade("BTCUSDT", Interval.H1, NOW.minus(Duration.ofHours(2)), Outcome.EXPIRED, 0.0));
        history.add(trade("BTCUSDT", Interval.H1, NOW.minus(Duration.ofHours(2)), Outcome.CANCELLED, 0.0));
        history.add(trade("BTCUSDT", Interval.H1, NOW.plus(Duration.ofHours(2)), Outcome.STOP, -1.0));
        PerformanceMetrics m = PerformanceMetrics.of(BTCUSDT_H1, history, 30, NOW);
        assertThat(m.totalTrades()).isEqualTo(4);
        assertThat(m.winRate()).isEqualTo(0.75);
    }

    @Test
    void sharpeAndDrawdownOfPerTradeReturns() {
        assertThat(PerformanceMetrics.sharpe(new double[] {0.01, -0.01, 0.03}))
                .isCloseTo(0.01 / 0.02, within(1e-12));
        // equity 1.1 → 0.99 → 0.7920 → 0.8712: the deepest fall from 1.1 is 0.792 (−28 %).
        assertThat(PerformanceMetrics.maxDrawdown(new double[] {0.10, -0.10, -0.20, 0.10}))
                .isCloseTo(0.792 / 1.1 - 1, within(1e-12));
    }

    @Test
    void noLosingTradeMeansInfiniteProfitFactor() {
        PerformanceMetrics m = PerformanceMetrics.of(BTCUSDT_H1, trades("BTCUSDT", Interval.H1, 5, 0),
                30, NOW);
        assertThat(m.profitFactor()).isInfinite();
        // break-even timeouts (net pnl exactly 0): no loss either, so the profit factor judges nothing; the win
        // rate (no targets) still does
        List<TradeRecord> even = List.of(trade("BTCUSDT", Interval.H1, NOW.minus(Duration.ofHours(1)), Outcome.TIMEOUT,
                0.08), trade("BTCUSDT", Interval.H1, NOW.minus(Duration.ofHours(2)), Outcome.TIMEOUT, 0.08));
        PerformanceMetrics flat = PerformanceMetrics.of(BTCUSDT_H1, even, 30, NOW);
        assertThat(flat.profitFactor()).isInfinite();
        assertThat(flat.winRate()).isZero();
    }
}
