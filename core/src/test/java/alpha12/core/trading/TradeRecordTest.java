package alpha12.core.trading;

import static alpha12.core.trading.TestSetups.PROCESSED;
import static alpha12.core.trading.TestSetups.longTouch;
import static alpha12.core.trading.TestSetups.minute;
import static alpha12.core.trading.TestSetups.shortTouch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.market.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Long: entry 100, stop 98, target 103.6 (risk 2). Short: entry 100, stop 102, target 96.4. Fees 4 bps a side. */
class TradeRecordTest {

    private static final double EPS = 1e-9;

    private static TradeRecord trade(Setup setup, Outcome outcome, double exitPrice) {
        Setup triggered = setup.triggered(PROCESSED, minute(1));
        return TradeRecord.of(triggered.withStatus(outcome.status()), new Exit(outcome, minute(7), exitPrice), 4.0);
    }

    @Test
    void longTargetGainsTheRewardLessFeesOnBothSides() {
        TradeRecord t = trade(longTouch(60), Outcome.TARGET, 103.6);
        assertThat(t.pnlPct()).isCloseTo(3.6, within(EPS));      // (103.6 - 100) / 100
        assertThat(t.pnlPctNet()).isCloseTo(3.52, within(EPS));  // - 2 x 4 bps = 0.08 %
        assertThat(t.pnlR()).isCloseTo(1.8, within(EPS));        // 3.6 / 2
    }

    @Test
    void longStopLosesOnePlannedRisk() {
        TradeRecord t = trade(longTouch(60), Outcome.STOP, 98.0);
        assertThat(t.pnlPct()).isCloseTo(-2.0, within(EPS));
        assertThat(t.pnlPctNet()).isCloseTo(-2.08, within(EPS));
        assertThat(t.pnlR()).isCloseTo(-1.0, within(EPS));
    }

    @Test
    void shortPnlIsSignedByDirection() {
        TradeRecord target = trade(shortTouch(60), Outcome.TARGET, 96.4);
        assertThat(target.pnlPct()).isCloseTo(3.6, within(EPS));
        assertThat(target.pnlR()).isCloseTo(1.8, within(EPS));
        TradeRecord stop = trade(shortTouch(60), Outcome.STOP, 102.0);
        assertThat(stop.pnlPct()).isCloseTo(-2.0, within(EPS));
        assertThat(stop.pnlPctNet()).isCloseTo(-2.08, within(EPS));
        assertThat(stop.pnlR()).isCloseTo(-1.0, within(EPS));
        TradeRecord timeout = trade(shortTouch(60), Outcome.TIMEOUT, 100.7);
        assertThat(timeout.pnlPct()).isCloseTo(-0.7, within(EPS));
        assertThat(timeout.pnlPctNet()).isCloseTo(-0.78, within(EPS));
        assertThat(timeout.pnlR()).isCloseTo(-0.35, within(EPS));
    }

    @Test
    void longTimeoutIsPricedAtItsExit() {
        TradeRecord t = trade(longTouch(60), Outcome.TIMEOUT, 100.7);
        assertThat(t.pnlPct()).isCloseTo(0.7, within(EPS));
        assertThat(t.pnlPctNet()).isCloseTo(0.62, within(EPS));
        assertThat(t.pnlR()).isCloseTo(0.35, within(EPS));
        assertThat(t.exitPrice()).isEqualTo(100.7);
    }

    @Test
    void tradeRowCarriesTheSetupsColumns() {
        TradeRecord t = trade(longTouch(60), Outcome.TARGET, 103.6);
        assertThat(t.setupId()).isEqualTo("AUTO-BTCUSDT-1h-TEST");
        assertThat(t.asset()).isEqualTo("BTCUSDT");
        assertThat(t.interval()).isEqualTo(Interval.H1);
        assertThat(t.direction()).isEqualTo(Direction.LONG);
        assertThat(t.createdAt()).isEqualTo(TestSetups.T0);
        assertThat(t.triggerTs()).contains(minute(1));
        assertThat(t.entry()).isEqualTo(100.0);
        assertThat(t.stop()).isEqualTo(98.0);
        assertThat(t.target()).isEqualTo(103.6);
        assertThat(t.exitTs()).isEqualTo(minute(7));
        assertThat(t.outcome()).isEqualTo(Outcome.TARGET);
        assertThat(t.rrPlanned()).isEqualTo(1.8);
        assertThat(t.confidence()).isEqualTo(0.7);
        assertThat(t.sizeUnits()).isEqualTo(2.0);
        assertThat(t.notionalUsd()).isEqualTo(200.0);
        assertThat(t.leverage()).isEqualTo(0.5);
        assertThat(t.feesBpsPerSide()).isEqualTo(4.0);
        assertThat(t.priceAtTrigger()).isEqualTo(100.0);
        assertThat(t.triggerRule()).isEqualTo(TriggerRule.TOUCH);
        assertThat(t.entryBufferBps()).isEqualTo(5.0);
        assertThat(t.origin()).isEqualTo(Origin.AUTO);
    }

    @Test
    void expiredAndCancelledRowsHaveZeroPnlAndNoExitPrice() {
        Instant at = minute(60);
        TradeRecord expired = TradeRecord.of(longTouch(60).withStatus(SetupStatus.EXPIRED),
                new Exit(Outcome.EXPIRED, at, Double.NaN), 4.0);
        assertThat(expired.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(expired.pnlPct()).isZero();
        assertThat(expired.pnlPctNet()).isZero();
        assertThat(expired.pnlR()).isZero();
        assertThat(expired.exitPrice()).isNaN();
        assertThat(expired.priceAtTrigger()).isNaN();
        assertThat(expired.triggerTs()).isEmpty();

        Progress cancelled = SetupLifecycle.cancel(longTouch(60).triggered(PROCESSED, minute(1)), at);
        TradeRecord row = TradeRecord.of(cancelled.setup(), cancelled.exit().orElseThrow(), 4.0);
        assertThat(row.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(row.pnlPct()).isZero();
        assertThat(row.pnlPctNet()).isZero();
        assertThat(row.pnlR()).isZero();
        assertThat(row.exitTs()).isEqualTo(at);
        assertThat(row.priceAtTrigger()).isEqualTo(100.0);
    }

    @Test
    void aTradeOutcomeWithoutATriggerIsRefused() {
        assertThatThrownBy(() -> TradeRecord.of(longTouch(60), new Exit(Outcome.STOP, minute(5), 98.0), 4.0))
                .hasMessageContaining("never triggered");
        assertThatThrownBy(() -> TradeRecord.of(longTouch(60).triggered(PROCESSED, minute(1)),
                new Exit(Outcome.STOP, minute(5), 98.0), -1.0))
                .hasMessageContaining("FEES_BPS_PER_SIDE");
    }
}
