package alpha12.core.trading;

import static alpha12.core.trading.TestSetups.PROCESSED;
import static alpha12.core.trading.TestSetups.T0;
import static alpha12.core.trading.TestSetups.bar;
import static alpha12.core.trading.TestSetups.bars;
import static alpha12.core.trading.TestSetups.longTouch;
import static alpha12.core.trading.TestSetups.minute;
import static alpha12.core.trading.TestSetups.shortTouch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Long: entry 100, stop 98, target 103.6. Short: entry 100, stop 102, target 96.4. Bars are 1 minute. */
class SetupLifecycleTest {

    private static Progress replay(Setup setup, KlineSeries bars) {
        return new SetupLifecycle(bars).advance(setup, PROCESSED);
    }

    private static void assertExit(Progress p, Outcome outcome, Instant at, double price) {
        assertThat(p.exit()).contains(new Exit(outcome, at, price));
        assertThat(p.setup().lifecycle().status()).isEqualTo(outcome.status());
    }

    @Test
    void longTriggersOnTouchThenReachesTheTarget() {
        Progress p = replay(longTouch(60), bars(
                bar(minute(0), 101.0, 101.5, 100.5, 101.0),   // above the entry
                bar(minute(1), 101.0, 101.0, 99.9, 100.2),    // touches 100: triggered
                bar(minute(2), 100.2, 102.0, 99.0, 101.5),    // neither 98 nor 103.6
                bar(minute(3), 101.5, 103.7, 101.0, 103.0),   // target
                bar(minute(4), 103.0, 103.0, 90.0, 91.0)));   // after the exit: ignored

        assertExit(p, Outcome.TARGET, minute(3), 103.6);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThat(p.setup().lifecycle().triggeredAt()).contains(PROCESSED);
        assertThat(p.setup().lifecycle().triggerPrice()).isEqualTo(100.0);
    }

    @Test
    void longTriggersThenHitsTheStop() {
        Progress p = replay(longTouch(60), bars(
                bar(minute(0), 101.0, 101.5, 99.5, 100.5),    // triggered
                bar(minute(1), 100.5, 101.0, 99.0, 99.2),
                bar(minute(2), 99.2, 99.5, 97.9, 98.2)));     // stop

        assertExit(p, Outcome.STOP, minute(2), 98.0);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(0));
    }

    @Test
    void shortTriggersOnTouchThenReachesTheTarget() {
        Progress p = replay(shortTouch(60), bars(
                bar(minute(0), 99.0, 99.9, 98.5, 99.5),       // below the entry
                bar(minute(1), 99.5, 100.0, 99.4, 99.8),      // high touches 100
                bar(minute(2), 99.8, 101.9, 96.5, 97.0),      // neither 102 nor 96.4
                bar(minute(3), 97.0, 97.2, 96.4, 96.6)));     // target exactly reached

        assertExit(p, Outcome.TARGET, minute(3), 96.4);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(1));
    }

    @Test
    void barReachingBothStopAndTargetCountsAsStop() {
        Progress longP = replay(longTouch(60), bars(
                bar(minute(0), 100.5, 100.6, 99.8, 100.1),    // triggered
                bar(minute(1), 100.1, 104.0, 97.0, 101.0)));  // 103.6 and 98 both inside
        assertExit(longP, Outcome.STOP, minute(1), 98.0);

        Progress shortP = replay(shortTouch(60), bars(
                bar(minute(0), 99.5, 100.1, 99.4, 99.9),
                bar(minute(1), 99.9, 102.5, 96.0, 99.0)));
        assertExit(shortP, Outcome.STOP, minute(1), 102.0);
    }

    @Test
    void touchOnTriggerBarThenStopSameBarCountsAsStop() {
        Progress p = replay(longTouch(60), bars(
                bar(minute(0), 101.0, 101.2, 100.4, 100.8),
                bar(minute(1), 100.5, 100.6, 97.5, 98.0)));   // through entry and stop in one bar

        assertExit(p, Outcome.STOP, minute(1), 98.0);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThat(p.setup().lifecycle().triggerPrice()).isEqualTo(100.0);

        // and a trigger bar that reaches all three levels is a stop too
        Progress all = replay(longTouch(60), bars(bar(minute(0), 101.0, 104.0, 97.0, 100.0)));
        assertExit(all, Outcome.STOP, minute(0), 98.0);
    }

    @Test
    void triggerBarThatReachesOnlyTheTargetExitsAtTheTarget() {
        Progress p = replay(longTouch(60), bars(bar(minute(0), 101.0, 103.8, 99.9, 103.5)));
        assertExit(p, Outcome.TARGET, minute(0), 103.6);
    }

    @Test
    void pendingSetupExpiresAtTheFirstBarOpeningAtItsExpiry() {
        Progress p = replay(longTouch(3), bars(
                bar(minute(0), 101.0, 101.5, 100.1, 101.0),
                bar(minute(1), 101.0, 101.4, 100.2, 101.2),
                bar(minute(2), 101.2, 101.3, 100.1, 100.9),
                bar(minute(3), 100.9, 101.0, 95.0, 96.0)));   // would trigger, but opens at expires_at

        assertExit(p, Outcome.EXPIRED, minute(3), Double.NaN);
        assertThat(p.setup().lifecycle().triggerTs()).isEmpty();
        assertThat(p.setup().lifecycle().triggeredAt()).isEmpty();
    }

    @Test
    void pendingSetupBeforeItsExpiryStaysPending() {
        Setup s = longTouch(3);
        Progress p = replay(s, bars(
                bar(minute(0), 101.0, 101.5, 100.1, 101.0),
                bar(minute(1), 101.0, 101.4, 100.2, 101.2)));
        assertThat(p).isEqualTo(new Progress(s, Optional.empty()));
        assertThat(replay(s, bars())).isEqualTo(new Progress(s, Optional.empty()));
    }

    @Test
    void triggeredSetupTimesOutAtTheOpenOfTheFirstBarAtItsExpiry() {
        Progress p = replay(longTouch(3), bars(
                bar(minute(0), 100.5, 100.6, 99.9, 100.3),    // triggered
                bar(minute(1), 100.3, 101.0, 99.0, 100.9),
                bar(minute(2), 100.9, 101.1, 100.4, 100.7),
                bar(minute(3), 100.7, 104.0, 100.6, 103.9))); // opens at expires_at: closed at its open

        assertExit(p, Outcome.TIMEOUT, minute(3), 100.7);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(0));
    }

    @Test
    void closeThroughTouchWithoutClosingBeyondTheBufferDoesNotTrigger() {
        // long, 5 bps: the close must reach 100 * 1.0005 = 100.05
        Setup longCt = TestSetups.setup(Direction.LONG, TriggerRule.CLOSE_THROUGH, 5.0, T0, 60);
        Progress p = replay(longCt, bars(
                bar(minute(0), 100.5, 100.6, 99.9, 100.04),   // touched, closed 4 bps above: no
                bar(minute(1), 100.04, 100.2, 99.5, 99.8)));  // touched, closed below: no
        assertThat(p.setup().lifecycle().status()).isEqualTo(SetupStatus.PENDING);
        assertThat(p.exit()).isEmpty();

        Progress later = replay(longCt, bars(
                bar(minute(0), 100.5, 100.6, 99.9, 100.04),
                bar(minute(1), 100.04, 100.1, 99.95, 100.05),  // touched and closed 5 bps above
                bar(minute(2), 100.05, 103.6, 100.0, 103.0)));
        assertExit(later, Outcome.TARGET, minute(2), 103.6);
        assertThat(later.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThat(later.setup().lifecycle().triggerPrice()).isEqualTo(100.0);

        // short, 10 bps: the close must reach 100 * 0.999 = 99.9
        Setup shortCt = TestSetups.setup(Direction.SHORT, TriggerRule.CLOSE_THROUGH, 10.0, T0, 60);
        Progress s = replay(shortCt, bars(
                bar(minute(0), 99.5, 100.2, 99.4, 99.95),     // touched, closed 5 bps below: no
                bar(minute(1), 99.95, 100.0, 99.8, 99.9)));   // touched, closed 10 bps below
        assertThat(s.setup().lifecycle().status()).isEqualTo(SetupStatus.TRIGGERED);
        assertThat(s.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThat(s.exit()).isEmpty();
    }

    @Test
    void touchRuleTriggersWhereCloseThroughWouldNot() {
        Progress p = replay(longTouch(60), bars(bar(minute(0), 100.5, 100.6, 99.9, 100.04)));
        assertThat(p.setup().lifecycle().status()).isEqualTo(SetupStatus.TRIGGERED);
        assertThat(p.exit()).isEmpty();
    }

    @Test
    void barsOpeningBeforeASetupCreatedMidCandleAreIgnored() {
        // created at 10:00:30, inside the 10:00 minute bar that reaches the stop
        Setup midMinute = TestSetups.setup(Direction.LONG, TriggerRule.TOUCH, 5.0, T0.plusSeconds(30), 60);
        Progress p = replay(midMinute, bars(
                bar(minute(0), 100.5, 100.6, 97.0, 98.5),
                bar(minute(1), 98.5, 101.0, 98.4, 100.8),     // touches 100, stays above 98: triggered
                bar(minute(2), 100.8, 104.0, 100.5, 103.8)));
        assertExit(p, Outcome.TARGET, minute(2), 103.6);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(1));

        // a manual setup made at 10:30 replayed on its own 4h bars: the 08:00 bar is ignored
        Setup midCandle = TestSetups.setup(Direction.SHORT, TriggerRule.TOUCH, 5.0, Instant.parse("2024-01-01T10:30:00Z"),
                24 * 60);
        KlineSeries h4 = new KlineSeries("BTCUSDT", Interval.H4,
                new long[] {Instant.parse("2024-01-01T08:00:00Z").toEpochMilli(),
                        Instant.parse("2024-01-01T12:00:00Z").toEpochMilli(),
                        Instant.parse("2024-01-01T16:00:00Z").toEpochMilli()},
                new double[] {99.0, 99.0, 100.5}, new double[] {103.0, 99.8, 101.0},
                new double[] {96.0, 98.0, 96.0}, new double[] {99.0, 99.5, 97.0}, new double[3]);
        Progress onH4 = new SetupLifecycle(h4).advance(midCandle, PROCESSED);
        assertExit(onH4, Outcome.TARGET, Instant.parse("2024-01-01T16:00:00Z"), 96.4);
        assertThat(onH4.setup().lifecycle().triggerTs()).contains(Instant.parse("2024-01-01T16:00:00Z"));
    }

    @Test
    void downtimeGapIsCaughtUpInOrderAcrossPolls() {
        Setup s = longTouch(120);
        // poll 1: bars 0..2, triggers at minute 1
        Progress first = replay(s, bars(
                bar(minute(0), 101.0, 101.2, 100.3, 100.9),
                bar(minute(1), 100.9, 101.0, 99.8, 100.2),
                bar(minute(2), 100.2, 100.6, 99.5, 100.1)));
        assertThat(first.setup().lifecycle().status()).isEqualTo(SetupStatus.TRIGGERED);
        Setup stored = first.setup();

        // Tracker down from minute 3 to minute 40. After restart it fetches everything since minute 3; the source
        // itself misses minutes 10-29 (an exchange outage). The first stop-or-target bar in order wins, even though
        // a later bar of the batch reaches the other level.
        KlineSeries catchUp = bars(
                bar(minute(3), 100.1, 101.0, 99.9, 100.8),
                bar(minute(9), 100.8, 103.0, 100.5, 102.9),
                bar(minute(30), 102.9, 103.65, 102.0, 103.1),  // target first
                bar(minute(31), 103.1, 103.2, 97.0, 97.5));    // later stop-level bar must not count
        Progress second = new SetupLifecycle(catchUp).advance(stored, PROCESSED.plusSeconds(60));
        assertExit(second, Outcome.TARGET, minute(30), 103.6);
        assertThat(second.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThat(second.setup().lifecycle().triggeredAt()).contains(PROCESSED);  // unchanged by the later poll

        // A gap across the expiry: the first bar after it ends the trade at its open.
        Progress overExpiry = new SetupLifecycle(bars(
                bar(minute(3), 100.1, 101.0, 99.9, 100.8),
                bar(minute(150), 101.4, 101.6, 97.0, 97.2))).advance(stored, PROCESSED);
        assertExit(overExpiry, Outcome.TIMEOUT, minute(150), 101.4);
    }

    @Test
    void replayingBarsATriggeredSetupHasAlreadySeenChangesNothing() {
        KlineSeries all = bars(
                bar(minute(0), 101.0, 101.2, 99.0, 100.2),    // triggered; low 99 above the stop
                bar(minute(1), 100.2, 100.6, 98.5, 100.1),
                bar(minute(2), 100.1, 103.7, 100.0, 103.5));  // target
        Progress once = replay(longTouch(60), all);
        // the same setup after the first poll saw only bar 0, replayed over all bars again
        Setup afterBar0 = replay(longTouch(60), bars(bar(minute(0), 101.0, 101.2, 99.0, 100.2))).setup();
        Progress again = replay(afterBar0, all);
        assertThat(again).isEqualTo(once);
        // and a bar before the trigger that would have hit the stop does not count for a triggered setup
        Setup triggeredLater = longTouch(60).triggered(PROCESSED, minute(1));
        Progress p = replay(triggeredLater, bars(
                bar(minute(0), 99.0, 99.5, 97.0, 97.5),
                bar(minute(1), 98.5, 100.5, 98.1, 100.2),
                bar(minute(2), 100.2, 103.7, 100.0, 103.5)));
        assertExit(p, Outcome.TARGET, minute(2), 103.6);
    }

    @Test
    void cancelEndsAnActiveSetupAndRefusesAnEndedOne() {
        Instant at = Instant.parse("2024-01-01T12:34:56Z");
        Progress pending = SetupLifecycle.cancel(longTouch(60), at);
        assertExit(pending, Outcome.CANCELLED, at, Double.NaN);
        Progress triggered = SetupLifecycle.cancel(longTouch(60).triggered(PROCESSED, minute(1)), at);
        assertThat(triggered.setup().lifecycle().status()).isEqualTo(SetupStatus.CANCELLED);
        assertThat(triggered.setup().lifecycle().triggerTs()).contains(minute(1));
        assertThatThrownBy(() -> SetupLifecycle.cancel(longTouch(60).withStatus(SetupStatus.TARGET), at))
                .hasMessageContaining("is already target; only pending or triggered setups can be cancelled");
    }

    @Test
    void unusableInputIsRefusedWithItsReason() {
        assertThatThrownBy(() -> new SetupLifecycle(bars(bar(minute(1), 1, 1, 1, 1), bar(minute(1), 1, 1, 1, 1))))
                .hasMessageContaining("strictly increasing open time");
        assertThatThrownBy(() -> new SetupLifecycle(bars(bar(minute(1), 1, Double.NaN, 1, 1))))
                .hasMessageContaining("non-finite price");
        SetupLifecycle lifecycle = new SetupLifecycle(bars(bar(minute(1), 1, 1, 1, 1)));
        assertThatThrownBy(() -> lifecycle.advance(longTouch(60).withStatus(SetupStatus.EXPIRED), PROCESSED))
                .hasMessageContaining("only pending or triggered setups are replayed");
        assertThatThrownBy(() -> lifecycle.advance(longTouch(60).withStatus(SetupStatus.TRIGGERED), PROCESSED))
                .hasMessageContaining("has no trigger_ts");
        KlineSeries eth = new KlineSeries("ETHUSDT", Interval.M1, new long[0], new double[0], new double[0],
                new double[0], new double[0], new double[0]);
        assertThatThrownBy(() -> new SetupLifecycle(eth).advance(longTouch(60), PROCESSED))
                .hasMessageContaining("is on BTCUSDT, these bars are ETHUSDT");
    }

    @Test
    void setupsValidForDaysReplayOverEveryMinuteInOrder() {
        // 3 days of flat 1m bars, then the target: nothing is skipped or looked at twice
        int minutes = 3 * 24 * 60;
        long[] t = new long[minutes + 1];
        double[] o = new double[minutes + 1];
        double[] h = new double[minutes + 1];
        double[] l = new double[minutes + 1];
        double[] c = new double[minutes + 1];
        for (int i = 0; i <= minutes; i++) {
            t[i] = T0.plus(Duration.ofMinutes(i)).toEpochMilli();
            o[i] = 100.5;
            h[i] = 101.0;
            l[i] = i == 100 ? 99.9 : 100.2;
            c[i] = 100.5;
        }
        h[minutes] = 103.6;
        KlineSeries series = new KlineSeries("BTCUSDT", Interval.M1, t, o, h, l, c, new double[minutes + 1]);
        Progress p = new SetupLifecycle(series).advance(longTouch(4 * 24 * 60), PROCESSED);
        assertExit(p, Outcome.TARGET, minute(minutes), 103.6);
        assertThat(p.setup().lifecycle().triggerTs()).contains(minute(100));
    }
}
