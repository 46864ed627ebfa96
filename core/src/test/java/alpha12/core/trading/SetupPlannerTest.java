package alpha12.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SetupPlannerTest {

    private static final Timeframe BTCUSDT_H1 = new Timeframe("BTCUSDT", Interval.H1);
    private static final Timeframe BTCUSDT_H4 = new Timeframe("BTCUSDT", Interval.H4);

    private static final Instant CLOSE_0400 = Instant.parse("2024-01-01T04:00:00Z");
    private static final double EPS = 1e-9;

    private final SetupPlanner defaults = new SetupPlanner(SetupSettings.DEFAULT);

    @Test
    void longSetupSitsBelowTheCloseWithAtrStopAndTargetAtMinRr() {
        // close 100, ATR 2: entry 100 - 0.25*2 = 99.5; risk max(1.0*2, 0.005*99.5 = 0.4975) = 2
        Setup s = defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7, CLOSE_0400, 100.0, 2.0);

        assertThat(s.levels().entry()).isCloseTo(99.5, within(EPS));
        assertThat(s.levels().stop()).isCloseTo(97.5, within(EPS));
        assertThat(s.levels().target()).isCloseTo(103.1, within(EPS)); // 99.5 + 1.8*2
        assertThat(s.levels().rr()).isEqualTo(1.8);
        // $400 * 1 % = $4 at risk; 4 / 2 = 2 units; notional 2 * 99.5 = 199; leverage 199 / 400
        assertThat(s.sizing().units()).isCloseTo(2.0, within(EPS));
        assertThat(s.sizing().notionalUsd()).isCloseTo(199.0, within(EPS));
        assertThat(s.sizing().leverage()).isCloseTo(0.4975, within(EPS));
    }

    @Test
    void shortSetupMirrorsTheLong() {
        Setup s = defaults.plan(BTCUSDT_H4, Direction.SHORT, 0.7, CLOSE_0400, 100.0, 2.0);

        assertThat(s.levels().entry()).isCloseTo(100.5, within(EPS));
        assertThat(s.levels().stop()).isCloseTo(102.5, within(EPS));
        assertThat(s.levels().target()).isCloseTo(96.9, within(EPS)); // 100.5 - 1.8*2
        assertThat(s.sizing().units()).isCloseTo(2.0, within(EPS));
        assertThat(s.sizing().notionalUsd()).isCloseTo(201.0, within(EPS));
        assertThat(s.sizing().leverage()).isCloseTo(0.5025, within(EPS));
    }

    @Test
    void minimumStopFractionWinsWhenTheAtrIsSmall() {
        // close 40000, ATR 100: entry 39975; risk max(100, 0.005*39975 = 199.875) = 199.875
        Setup s = defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7, CLOSE_0400, 40_000.0, 100.0);

        assertThat(s.levels().entry()).isCloseTo(39_975.0, within(EPS));
        assertThat(s.levels().stop()).isCloseTo(39_775.125, within(EPS));
        assertThat(s.levels().target()).isCloseTo(40_334.775, within(EPS)); // 39975 + 1.8*199.875
        // $4 / 199.875 units; notional 4 / 0.005 = $800; leverage 2
        assertThat(s.sizing().units()).isCloseTo(4.0 / 199.875, within(1e-15));
        assertThat(s.sizing().notionalUsd()).isCloseTo(800.0, within(EPS));
        assertThat(s.sizing().leverage()).isCloseTo(2.0, within(EPS));
    }

    @Test
    void sizeIsCutWhereLeverageWouldExceedTheCap() {
        // 10 % risk and a 0.1-ATR stop: $40 / 0.1 = 400 units, notional 39,900, leverage 99.75 > 10
        SetupSettings tight = new SetupSettings(0.25, 0.1, 0.001, 1.8, 24, TriggerRule.TOUCH, 5.0, 400.0, 10.0, 10.0);
        Setup longSetup = new SetupPlanner(tight).plan(BTCUSDT_H1, Direction.LONG, 0.7, CLOSE_0400, 100.0, 1.0);

        assertThat(longSetup.levels().entry()).isCloseTo(99.75, within(EPS));
        assertThat(longSetup.levels().stop()).isCloseTo(99.65, within(EPS)); // risk max(0.1, 0.09975) = 0.1
        assertThat(longSetup.sizing().notionalUsd()).isEqualTo(4000.0);       // 10 x $400
        assertThat(longSetup.sizing().units()).isCloseTo(4000.0 / 99.75, within(EPS));
        assertThat(longSetup.sizing().leverage()).isEqualTo(10.0);

        Setup shortSetup = new SetupPlanner(tight).plan(BTCUSDT_H1, Direction.SHORT, 0.7, CLOSE_0400, 100.0, 1.0);
        assertThat(shortSetup.levels().entry()).isCloseTo(100.25, within(EPS));
        assertThat(shortSetup.levels().stop()).isCloseTo(100.35025, within(EPS)); // risk max(0.1, 0.10025)
        assertThat(shortSetup.sizing().units()).isCloseTo(4000.0 / 100.25, within(EPS));
        assertThat(shortSetup.sizing().leverage()).isEqualTo(10.0);
    }

    @Test
    void leverageNeverExceedsTheCapAndUncutSizesRiskExactlyThePlannedDollars() {
        Random random = new Random(6);
        for (int k = 0; k < 2_000; k++) {
            double maxLeverage = 1 + random.nextInt(20);
            SetupSettings settings = new SetupSettings(random.nextDouble(), 0.05 + random.nextDouble(),
                    random.nextDouble() * 0.01, 1 + random.nextDouble() * 2, 24, TriggerRule.TOUCH, 5.0,
                    50 + random.nextDouble() * 10_000, 0.1 + random.nextDouble() * 5, maxLeverage);
            double close = 10 + random.nextDouble() * 60_000;
            double atr = close * (0.0005 + random.nextDouble() * 0.02);
            Direction direction = random.nextBoolean() ? Direction.LONG : Direction.SHORT;
            Setup s = new SetupPlanner(settings).plan(new Timeframe("ETHUSDT", Interval.H1), direction, 0.6, CLOSE_0400,
                    close, atr);

            assertThat(s.sizing().leverage()).isLessThanOrEqualTo(maxLeverage);
            assertThat(s.sizing().notionalUsd() / settings.accountBalanceUsd())
                    .isCloseTo(s.sizing().leverage(), within(1e-9));
            double dollarRisk = s.sizing().units() * s.levels().riskPerUnit();
            double planned = settings.accountBalanceUsd() * settings.riskPerTradePct() / 100;
            if (s.sizing().leverage() < maxLeverage) {
                assertThat(dollarRisk).isCloseTo(planned, within(planned * 1e-9));
            } else {
                assertThat(dollarRisk).isLessThanOrEqualTo(planned * (1 + 1e-9));
            }
            assertThat(Math.abs(s.levels().target() - s.levels().entry()) / s.levels().riskPerUnit())
                    .isCloseTo(settings.minRr(), within(1e-9));
        }
    }

    @Test
    void touchRuleIsTheDefaultAndCloseThroughCarriesItsBuffer() {
        assertThat(defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7, CLOSE_0400, 100.0, 2.0))
                .satisfies(s -> {
                    assertThat(s.trigger().rule()).isEqualTo(TriggerRule.TOUCH);
                    assertThat(s.trigger().entryBufferBps()).isEqualTo(5.0);
                });
        SetupSettings closeThrough = new SetupSettings(0.25, 1.0, 0.005, 1.8, 24, TriggerRule.CLOSE_THROUGH, 7.5,
                400.0, 1.0, 10.0);
        Setup s = new SetupPlanner(closeThrough).plan(BTCUSDT_H4, Direction.SHORT, 0.7, CLOSE_0400, 100.0, 2.0);
        assertThat(s.trigger().rule()).isEqualTo(TriggerRule.CLOSE_THROUGH);
        assertThat(s.trigger().entryBufferBps()).isEqualTo(7.5);
        // the buffer decides the trigger, not the entry price
        assertThat(s.levels().entry()).isCloseTo(100.5, within(EPS));
    }

    @Test
    void newSetupIsPendingAutoCreatedAtTheCandleCloseAndValidForValidBarsBars() {
        Setup s = defaults.plan(BTCUSDT_H4, Direction.LONG, 0.64, CLOSE_0400, 100.0, 2.0);

        assertThat(s.id()).isEqualTo("AUTO-BTCUSDT-4h-20240101_040000");
        assertThat(s.uniqueId()).isEqualTo("AUTO-BTCUSDT-4h-LONG-20240101-0400");
        assertThat(s.timeframe().asset()).isEqualTo("BTCUSDT");
        assertThat(s.timeframe().interval()).isEqualTo(Interval.H4);
        assertThat(s.lifecycle().status()).isEqualTo(SetupStatus.PENDING);
        assertThat(s.origin()).isEqualTo(Origin.AUTO);
        assertThat(s.lifecycle().createdAt()).isEqualTo(CLOSE_0400);
        assertThat(s.lifecycle().expiresAt()).isEqualTo(Instant.parse("2024-01-05T04:00:00Z")); // 24 x 4h
        assertThat(s.lifecycle().validBars()).isEqualTo(24);
        assertThat(s.confidence()).isEqualTo(0.64);
        assertThat(s.lifecycle().triggeredAt()).isEmpty();
        assertThat(s.lifecycle().triggerTs()).isEmpty();
        assertThat(s.lifecycle().triggerPrice()).isNaN();

        Setup daily = defaults.plan(new Timeframe("ETHUSDT", Interval.D1), Direction.SHORT, 0.9,
                Instant.parse("2024-03-02T00:00:00Z"), 3400.0, 120.0);
        assertThat(daily.id()).isEqualTo("AUTO-ETHUSDT-1d-20240302_000000");
        assertThat(daily.uniqueId()).isEqualTo("AUTO-ETHUSDT-1d-SHORT-20240302-0000");
        assertThat(daily.lifecycle().expiresAt()).isEqualTo(Instant.parse("2024-03-26T00:00:00Z"));
    }

    @Test
    void confidenceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> defaults.plan(BTCUSDT_H4, Direction.LONG, 1.07, CLOSE_0400, 100.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence must be in [0, 1], got 1.07");
        assertThatThrownBy(() -> defaults.plan(BTCUSDT_H4, Direction.LONG, Double.NaN, CLOSE_0400, 100.0, 2.0))
                .hasMessageContaining("confidence");
    }

    @Test
    void badInputsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7,
                Instant.parse("2024-01-01T05:00:00Z"), 100.0, 2.0)).hasMessageContaining("is not a 4h bar boundary");
        assertThatThrownBy(() -> defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7, CLOSE_0400, 100.0, Double.NaN))
                .hasMessageContaining("ATR must be positive");
        assertThatThrownBy(() -> defaults.plan(BTCUSDT_H4, Direction.LONG, 0.7, CLOSE_0400, 100.0, 90.0))
                .hasMessageContaining("must both be positive");
        assertThatThrownBy(() -> defaults.plan(new Timeframe("btc-usdt", Interval.H4), Direction.LONG, 0.7, CLOSE_0400,
                100.0, 2.0))
                .hasMessageContaining("asset must be a symbol");
        assertThatThrownBy(() -> new SetupPlanner(new SetupSettings(0.25, 1.0, 0.005, 1.8, 24, TriggerRule.TOUCH, 5.0,
                400.0, 1.0, 0.0))).hasMessageContaining("MAX_LEVERAGE must be positive");
    }
}
