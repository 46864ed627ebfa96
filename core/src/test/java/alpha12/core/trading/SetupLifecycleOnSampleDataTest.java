package alpha12.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.testing.TestKlines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Setups planned at random candles of the bundled BTCUSDT 5m sample (Q1 2024), replayed the way the tracker
 * does — in polls of random size — end exactly where a plain walk over the same klines says they end.
 */
class SetupLifecycleOnSampleDataTest {

    private static final int SETUPS = 600;

    /** What the plain walk found: outcome null while still active at the end of the data. */
    private record Walked(Outcome outcome, long triggerOpen, long exitOpen, double exitPrice) {
    }

    @Test
    void replayedSetupsEndWhereAPlainWalkOfTheSameBarsEnds() {
        List<Kline> klines = TestKlines.sample(Interval.M5);
        KlineSeries series = TestKlines.sampleSeries(Interval.M5);
        Random random = new Random(20240101);
        List<Setup> planned = new ArrayList<>();
        for (int k = 0; k < SETUPS; k++) {
            planned.add(randomSetup(klines, random));
        }

        List<Setup> replayed = replayInPolls(series, planned, random);

        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        for (int k = 0; k < SETUPS; k++) {
            Setup plan = planned.get(k);
            Walked expected = walk(klines, plan);
            Setup actual = replayed.get(k);
            String context = plan + " walked to " + expected;
            if (expected.outcome() == null) {
                assertThat(actual.lifecycle().status().isActive()).as(context).isTrue();
            } else {
                assertThat(actual.lifecycle().status()).as(context).isEqualTo(expected.outcome().status());
                seen.merge(expected.outcome(), 1, Integer::sum);
            }
            assertThat(actual.lifecycle().triggerTs().map(Instant::toEpochMilli).orElse(-1L)).as(context)
                    .isEqualTo(expected.triggerOpen());
        }
        // every path was exercised by real prices
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Outcome.TARGET, Outcome.STOP, Outcome.TIMEOUT,
                Outcome.EXPIRED);
        assertThat(seen.values()).allMatch(count -> count >= 20);
    }

    @Test
    void exitPricesAndPnlMatchThePlainWalk() {
        List<Kline> klines = TestKlines.sample(Interval.M5);
        SetupLifecycle lifecycle = new SetupLifecycle(TestKlines.sampleSeries(Interval.M5));
        Random random = new Random(7);
        for (int k = 0; k < SETUPS; k++) {
            Setup plan = randomSetup(klines, random);
            Walked expected = walk(klines, plan);
            Progress p = lifecycle.advance(plan, Instant.EPOCH);
            if (expected.outcome() == null) {
                assertThat(p.exit()).isEmpty();
                continue;
            }
            Exit exit = p.exit().orElseThrow();
            assertThat(exit.outcome()).isEqualTo(expected.outcome());
            assertThat(exit.at().toEpochMilli()).isEqualTo(expected.exitOpen());
            assertThat(Double.valueOf(exit.price())).isEqualTo(Double.valueOf(expected.exitPrice()));
            TradeRecord row = TradeRecord.of(p.setup(), exit, 4.0);
            double expectedPnl = expected.outcome().isTrade()
                    ? (plan.direction() == Direction.LONG ? expected.exitPrice() - plan.levels().entry()
                            : plan.levels().entry() - expected.exitPrice()) / plan.levels().entry() * 100
                    : 0.0;
            assertThat(row.pnlPct()).isCloseTo(expectedPnl, within(1e-9));
            assertThat(row.pnlPctNet()).isCloseTo(expected.outcome().isTrade() ? expectedPnl - 0.08 : 0, within(1e-9));
            if (expected.outcome() == Outcome.STOP) {
                assertThat(row.pnlR()).isCloseTo(-1.0, within(1e-9));
            } else if (expected.outcome() == Outcome.TARGET) {
                assertThat(row.pnlR()).isCloseTo(plan.levels().rr(), within(1e-9));
            }
        }
    }

    /** A setup planned at a random candle close, with random geometry, validity and trigger rule. */
    private static Setup randomSetup(List<Kline> klines, Random random) {
        int i = 14 + random.nextInt(klines.size() - 14);
        double sumTrueRange = 0;
        for (int j = i - 13; j <= i; j++) {
            Kline bar = klines.get(j);
            double prevClose = klines.get(j - 1).close();
            sumTrueRange += Math.max(bar.high() - bar.low(),
                    Math.max(Math.abs(bar.high() - prevClose), Math.abs(bar.low() - prevClose)));
        }
        double atr = sumTrueRange / 14;
        double[] kEntry = {0.0, 0.25, 0.5, 1.0};
        double[] kStop = {0.5, 1.0, 2.0};
        double[] minRr = {1.0, 1.8, 3.0};
        int[] validBars = {3, 12, 24, 96, 288};
        double[] bufferBps = {0.0, 5.0, 20.0};
        SetupSettings settings = new SetupSettings(kEntry[random.nextInt(4)], kStop[random.nextInt(3)],
                random.nextBoolean() ? 0.001 : 0.005, minRr[random.nextInt(3)], validBars[random.nextInt(5)],
                random.nextBoolean() ? TriggerRule.TOUCH : TriggerRule.CLOSE_THROUGH, bufferBps[random.nextInt(3)],
                400.0, 1.0, 10.0);
        Direction direction = random.nextBoolean() ? Direction.LONG : Direction.SHORT;
        Instant candleClose = Instant.ofEpochMilli(klines.get(i).openTime() + Interval.M5.millis());
        return new SetupPlanner(settings).plan(new Timeframe(TestKlines.SYMBOL, Interval.M5), direction,
                0.5 + random.nextDouble() / 2, candleClose, klines.get(i).close(), atr);
    }

    /** Advances every setup over consecutive slices of random length, as the tracker's polls would. */
    private static List<Setup> replayInPolls(KlineSeries series, List<Setup> planned, Random random) {
        List<Setup> state = new ArrayList<>(planned);
        int from = 0;
        while (from < series.size()) {
            int to = Math.min(series.size(), from + 1 + random.nextInt(3_000));
            SetupLifecycle poll = new SetupLifecycle(series.slice(from, to));
            Instant processedAt = Instant.ofEpochMilli(series.closeTime(to - 1));
            for (int k = 0; k < state.size(); k++) {
                if (state.get(k).lifecycle().status().isActive()) {
                    state.set(k, poll.advance(state.get(k), processedAt).setup());
                }
            }
            from = to;
        }
        return state;
    }

    /** The rules of issue 7 applied bar by bar, written out plainly without the class under test. */
    private static Walked walk(List<Kline> klines, Setup s) {
        long created = s.lifecycle().createdAt().toEpochMilli();
        long expires = s.lifecycle().expiresAt().toEpochMilli();
        boolean isLong = s.direction() == Direction.LONG;
        boolean triggered = false;
        long triggerOpen = -1;
        for (Kline bar : klines) {
            if (bar.openTime() < created) {
                continue;
            }
            if (!triggered) {
                if (bar.openTime() >= expires) {
                    return new Walked(Outcome.EXPIRED, -1, bar.openTime(), Double.NaN);
                }
                boolean touched = isLong ? bar.low() <= s.levels().entry() : bar.high() >= s.levels().entry();
                boolean closedThrough = isLong
                        ? bar.close() >= s.levels().entry() * (1 + s.trigger().entryBufferBps() / 10_000)
                        : bar.close() <= s.levels().entry() * (1 - s.trigger().entryBufferBps() / 10_000);
                if (touched && (s.trigger().rule() == TriggerRule.TOUCH || closedThrough)) {
                    triggered = true;
                    triggerOpen = bar.openTime();
                } else {
                    continue;
                }
            }
            if (bar.openTime() >= expires) {
                return new Walked(Outcome.TIMEOUT, triggerOpen, bar.openTime(), bar.open());
            }
            boolean stopHit = isLong ? bar.low() <= s.levels().stop() : bar.high() >= s.levels().stop();
            boolean targetHit = isLong ? bar.high() >= s.levels().target() : bar.low() <= s.levels().target();
            if (stopHit) {
                return new Walked(Outcome.STOP, triggerOpen, bar.openTime(), s.levels().stop());
            }
            if (targetHit) {
                return new Walked(Outcome.TARGET, triggerOpen, bar.openTime(), s.levels().target());
            }
        }
        return new Walked(null, triggerOpen, -1, Double.NaN);
    }
}
