package alpha12.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupGatesTest {

    private static final Timeframe BTCUSDT_H1 = new Timeframe("BTCUSDT", Interval.H1);
    private static final Timeframe BTCUSDT_H4 = new Timeframe("BTCUSDT", Interval.H4);

    private static final Instant CLOSE = Instant.parse("2024-01-10T08:00:00Z");
    private static final SetupPlanner PLANNER = new SetupPlanner(SetupSettings.DEFAULT);
    private static final GateSettings SETTINGS = new GateSettings(0.60, Map.of(Interval.H4, 0.64), true, 2);
    private final SetupGates gates = new SetupGates(SETTINGS);

    private static Setup candidate(Direction direction, Instant close) {
        return PLANNER.plan(BTCUSDT_H4, direction, 0.7, close, 100.0, 2.0);
    }

    private static Setup candidate(Direction direction) {
        return candidate(direction, CLOSE);
    }

    /** 200 closes of 100 then {@code last}. */
    private static double[] closesEndingAt(double last) {
        double[] c = new double[200];
        Arrays.fill(c, 100.0);
        c[199] = last;
        return c;
    }

    @Test
    void confidenceMustReachTheIntervalsMinimumElseTheArmDefault() {
        assertThat(gates.confidence(Interval.H4, 0.63).passed()).isFalse();
        assertThat(gates.confidence(Interval.H4, 0.64).passed()).isTrue();
        assertThat(gates.confidence(Interval.H1, 0.63).passed()).isTrue();   // MIN_CONF_ARM 0.60
        assertThat(gates.confidence(Interval.H1, 0.59).passed()).isFalse();
        assertThat(gates.confidence(Interval.H4, 0.63).reason()).isEqualTo("confidence 0.6300 < 0.6400 minimum for 4h");
    }

    @Test
    void regimeWithinTwoTenthsOfAPercentOfTheSmaAllowsBothDirections() {
        // SMA = (199*100 + 100.2)/200 = 100.001; close +0.199 %
        double[] closes = closesEndingAt(100.2);
        assertThat(gates.regime(Direction.LONG, closes).passed()).isTrue();
        assertThat(gates.regime(Direction.SHORT, closes).passed()).isTrue();
        assertThat(gates.regime(Direction.SHORT, closes).reason()).startsWith("regime neutral");
        assertThat(gates.regime(Direction.LONG, closesEndingAt(99.8)).passed()).isTrue();
    }

    @Test
    void regimeAboveTheSmaBlocksShortsAndBelowBlocksLongs() {
        double[] bull = closesEndingAt(101.0); // SMA 100.005, close +0.995 %
        assertThat(gates.regime(Direction.SHORT, bull).passed()).isFalse();
        assertThat(gates.regime(Direction.LONG, bull).passed()).isTrue();
        double[] bear = closesEndingAt(99.0);
        assertThat(gates.regime(Direction.LONG, bear).passed()).isFalse();
        assertThat(gates.regime(Direction.SHORT, bear).passed()).isTrue();
        assertThat(gates.regime(Direction.LONG, bear).reason()).contains("regime bear").contains("long blocked");
    }

    @Test
    void regimeUsesOnlyTheLast200Closes() {
        double[] closes = new double[300];
        Arrays.fill(closes, 0, 100, 1_000.0); // far above: would make the regime bear if counted
        Arrays.fill(closes, 100, 300, 100.0);
        closes[299] = 101.0;
        assertThat(gates.regime(Direction.SHORT, closes).passed()).isFalse();
        assertThat(gates.regime(Direction.LONG, closes).passed()).isTrue();
    }

    @Test
    void regimeAllowsBothWithFewerThan200BarsOrWhenSwitchedOff() {
        double[] short199 = Arrays.copyOfRange(closesEndingAt(150.0), 1, 200);
        assertThat(gates.regime(Direction.SHORT, short199).passed()).isTrue();
        assertThat(gates.regime(Direction.SHORT, short199).reason()).contains("199 closes");
        SetupGates off = new SetupGates(new GateSettings(0.60, Map.of(), false, 2));
        assertThat(off.regime(Direction.SHORT, closesEndingAt(150.0)).passed()).isTrue();
        assertThat(gates.regime(Direction.SHORT, closesEndingAt(150.0)).passed()).isFalse();
    }

    @Test
    void anActiveSetupInTheSameDirectionBlocksAndAnythingElseDoesNot() {
        Setup earlierLong = candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(4)));
        assertThat(SetupGates.duplicate(candidate(Direction.LONG), List.of(earlierLong)).passed()).isFalse();
        assertThat(SetupGates.duplicate(candidate(Direction.LONG),
                List.of(earlierLong.triggered(CLOSE, CLOSE))).passed()).isFalse();
        assertThat(SetupGates.duplicate(candidate(Direction.SHORT), List.of(earlierLong)).passed()).isTrue();
        assertThat(SetupGates.duplicate(candidate(Direction.LONG),
                List.of(earlierLong.withStatus(SetupStatus.STOP))).passed()).isTrue();
        assertThat(SetupGates.duplicate(candidate(Direction.LONG),
                List.of(earlierLong.withStatus(SetupStatus.EXPIRED))).passed()).isTrue();
        Setup otherInterval = PLANNER.plan(BTCUSDT_H1, Direction.LONG, 0.7, CLOSE, 100.0, 2.0);
        Setup otherAsset = PLANNER.plan(new Timeframe("ETHUSDT", Interval.H4), Direction.LONG, 0.7, CLOSE, 100.0, 2.0);
        assertThat(SetupGates.duplicate(candidate(Direction.LONG), List.of(otherInterval, otherAsset)).passed()).isTrue();
    }

    @Test
    void aSetupPastItsValidityAtTheCandleCloseIsNoDuplicateWhateverItsWrittenStatus() {
        // VALID_BARS 24 on 4h: valid for 96 h after its candle.
        Setup earlierLong = candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(96)));
        assertThat(earlierLong.lifecycle().expiresAt()).isEqualTo(CLOSE);
        // Still pending or triggered in setups.csv (the tracker is behind, or down): it ended at CLOSE all the same.
        assertThat(SetupGates.duplicate(candidate(Direction.LONG), List.of(earlierLong)).passed()).isTrue();
        assertThat(SetupGates.duplicate(candidate(Direction.LONG),
                List.of(earlierLong.triggered(CLOSE, CLOSE.minus(Duration.ofHours(8))))).passed()).isTrue();
        // One bar later it would still have been valid at CLOSE.
        Setup validAtClose = candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(92)));
        assertThat(SetupGates.duplicate(candidate(Direction.LONG), List.of(validAtClose)).reason())
                .isEqualTo("pending setup AUTO-BTCUSDT-4h-20240106_120000 is already long on BTCUSDT 4h");
    }

    @Test
    void dailyCapCountsAutoSetupsOfTheAssetAndIntervalCreatedInThe24HoursBefore() {
        Setup h4ago = candidate(Direction.SHORT, CLOSE.minus(Duration.ofHours(4))).withStatus(SetupStatus.STOP);
        Setup h20ago = candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(20))).withStatus(SetupStatus.CANCELLED);
        Setup h24ago = candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(24))).withStatus(SetupStatus.TARGET);

        assertThat(gates.dailyCap(candidate(Direction.LONG), List.of(h4ago, h20ago)).passed()).isFalse();
        assertThat(gates.dailyCap(candidate(Direction.LONG), List.of(h4ago, h20ago)).reason())
                .isEqualTo("2 auto setups on BTCUSDT 4h in the last 24 h, cap 2");
        assertThat(gates.dailyCap(candidate(Direction.LONG), List.of(h4ago, h24ago)).passed()).isTrue();

        Setup manual = new Setup(h20ago.id(), h20ago.uniqueId(), h20ago.timeframe(), h20ago.direction(),
                h20ago.confidence(), Origin.MANUAL, h20ago.levels(), h20ago.sizing(), h20ago.trigger(),
                h20ago.lifecycle());
        Setup otherInterval = PLANNER.plan(BTCUSDT_H1, Direction.LONG, 0.7,
                CLOSE.minus(Duration.ofHours(1)), 100.0, 2.0);
        assertThat(gates.dailyCap(candidate(Direction.LONG), List.of(h4ago, manual, otherInterval)).passed()).isTrue();
    }

    @Test
    void dailyCapOfZeroMeansNoCap() {
        List<Setup> many = new ArrayList<>();
        for (int h = 4; h < 24; h += 4) {
            many.add(candidate(Direction.LONG, CLOSE.minus(Duration.ofHours(h))).withStatus(SetupStatus.STOP));
        }
        assertThat(new SetupGates(new GateSettings(0.6, Map.of(), true, 0)).dailyCap(candidate(Direction.LONG), many)
                .passed()).isTrue();
        assertThat(gates.dailyCap(candidate(Direction.LONG), many).passed()).isFalse();
    }

    @Test
    void gatesRunInOrderAndStopAtTheFirstThatBlocks() {
        List<GateDecision> lowConfidence = gates.evaluate(
                PLANNER.plan(BTCUSDT_H4, Direction.SHORT, 0.5, CLOSE, 100.0, 2.0), closesEndingAt(150.0),
                List.of());
        assertThat(lowConfidence).extracting(GateDecision::gate).containsExactly(Gate.CONFIDENCE);
        assertThat(SetupGates.allPassed(lowConfidence)).isFalse();

        List<GateDecision> bull = gates.evaluate(candidate(Direction.SHORT), closesEndingAt(150.0), List.of());
        assertThat(bull).extracting(GateDecision::gate).containsExactly(Gate.CONFIDENCE, Gate.REGIME);
        assertThat(bull.get(1).passed()).isFalse();

        List<GateDecision> pass = gates.evaluate(candidate(Direction.LONG), closesEndingAt(150.0), List.of());
        assertThat(pass).extracting(GateDecision::gate).containsExactly(Gate.values());
        assertThat(pass).allMatch(GateDecision::passed);
        assertThat(SetupGates.allPassed(pass)).isTrue();
    }

    @Test
    void restartOnTheSameCandleAddsNothingWhateverBecameOfTheFirstSetup() {
        double[] closes = closesEndingAt(150.0);
        List<Setup> store = new ArrayList<>();
        Setup first = candidate(Direction.LONG);
        assertThat(SetupGates.allPassed(gates.evaluate(first, closes, store))).isTrue();
        store.add(first);

        // Restart: the same candle is scored again and planned identically.
        List<GateDecision> again = gates.evaluate(candidate(Direction.LONG), closes, store);
        assertThat(SetupGates.allPassed(again)).isFalse();
        assertThat(again.get(again.size() - 1).gate()).isEqualTo(Gate.DUPLICATE);

        // The first setup already ended (no duplicate, no cap): the candle's id still blocks it.
        store.set(0, first.triggered(CLOSE, CLOSE).withStatus(SetupStatus.STOP));
        List<GateDecision> afterExit = gates.evaluate(candidate(Direction.LONG), closes, store);
        assertThat(afterExit.get(afterExit.size() - 1))
                .isEqualTo(new GateDecision(false, Gate.SAME_CANDLE,
                        "this candle already has setup AUTO-BTCUSDT-4h-20240110_080000 (stop)"));

        // A reloaded model that now says short on the same candle: another direction, same candle id.
        List<GateDecision> flipped = new SetupGates(new GateSettings(0.6, Map.of(), false, 0))
                .evaluate(candidate(Direction.SHORT), closes, store);
        assertThat(flipped).extracting(GateDecision::gate).containsExactly(Gate.values());
        assertThat(flipped.get(flipped.size() - 1).passed()).isFalse();
        // The next candle is a new one.
        assertThat(SetupGates.sameCandle(candidate(Direction.LONG, CLOSE.plus(Duration.ofHours(4))), store).passed())
                .isTrue();
    }
}
