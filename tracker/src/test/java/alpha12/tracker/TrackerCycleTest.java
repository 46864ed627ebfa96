package alpha12.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.SteppingClock;
import alpha12.core.market.Interval;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.InMemoryKlineSource;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupLifecycle;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.TradeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerCycleTest {

    static final double FEES = 4.0;

    @TempDir
    Path dir;

    private RunsStore storeWith(Path runs, List<Setup> setups, Clock clock) {
        RunsStore store = new RunsStore(runs, clock);
        store.append(SetupsFile.SCHEMA, setups);
        return store;
    }

    @Test
    void hourlyPollsGiveTheSameOutcomesAsOneCatchUpPollAfterDowntime() {
        List<Setup> setups = TrackerFixtures.setups(150, 2000, 7);
        InMemoryKlineSource source = InMemoryKlineSource.sample(Interval.M5);
        Instant end = TrackerFixtures.barOpen(2600);

        SteppingClock stepClock = new SteppingClock(TrackerFixtures.barOpen(300));
        RunsStore stepped = storeWith(dir.resolve("stepped"), setups, stepClock);
        TrackerCycle steppedCycle = new TrackerCycle(stepped, source, stepClock, FEES);
        while (stepClock.instant().isBefore(end)) {
            stepClock.advance(Duration.ofMinutes(60));
            steppedCycle.poll();
        }

        SteppingClock onceClock = new SteppingClock(stepClock.instant());
        RunsStore once = storeWith(dir.resolve("once"), setups, onceClock);
        new TrackerCycle(once, source, onceClock, FEES).poll();

        List<TradeRecord> steppedTrades = stepped.read(TradeHistoryFile.SCHEMA);
        assertThat(steppedTrades).hasSizeGreaterThan(100);
        assertThat(steppedTrades.stream().map(TradeRecord::outcome).collect(Collectors.toSet()))
                .contains(Outcome.TARGET, Outcome.STOP, Outcome.TIMEOUT, Outcome.EXPIRED);
        assertThat(byId(steppedTrades)).isEqualTo(byId(once.read(TradeHistoryFile.SCHEMA)));
        assertThat(withoutProcessingTime(stepped.read(SetupsFile.SCHEMA)))
                .isEqualTo(withoutProcessingTime(once.read(SetupsFile.SCHEMA)));
        assertThat(steppedTrades.stream().map(TradeRecord::setupId).distinct().count()).isEqualTo(steppedTrades.size());
    }

    @Test
    void everyEndedSetupMatchesAReplayOfItsOwnBars() {
        List<Setup> setups = TrackerFixtures.setups(80, 1500, 11);
        InMemoryKlineSource source = InMemoryKlineSource.sample(Interval.M5);
        SteppingClock clock = new SteppingClock(TrackerFixtures.barOpen(2200));
        RunsStore store = storeWith(dir, setups, clock);
        new TrackerCycle(store, source, clock, FEES).poll();

        SetupLifecycle all = new SetupLifecycle(alpha12.core.market.KlineSeries.of("BTCUSDT", Interval.M5,
                source.closedKlines("BTCUSDT", Interval.M5, Instant.EPOCH, clock.instant())));
        Map<String, TradeRecord> trades = byId(store.read(TradeHistoryFile.SCHEMA));
        for (Setup s : setups) {
            Progress expected = all.advance(s, clock.instant());
            assertThat(trades.containsKey(s.id())).as(s.id()).isEqualTo(expected.ended());
            expected.exit().ifPresent(exit -> assertThat(trades.get(s.id()))
                    .isEqualTo(TradeRecord.of(expected.setup(), exit, FEES)));
        }
    }

    @Test
    void aSetupWithAFinalTradeRowIsReconciledNotTradedTwice() {
        List<Setup> setups = TrackerFixtures.setups(40, 1500, 3);
        InMemoryKlineSource source = InMemoryKlineSource.sample(Interval.M5);
        SteppingClock clock = new SteppingClock(TrackerFixtures.barOpen(2200));
        RunsStore reference = storeWith(dir.resolve("reference"), setups, clock);
        new TrackerCycle(reference, source, clock, FEES).poll();
        List<TradeRecord> trades = reference.read(TradeHistoryFile.SCHEMA);

        // A kill between the two writes: the trade rows are there, every setup is still as it was.
        RunsStore killed = storeWith(dir.resolve("killed"), setups, clock);
        killed.append(TradeHistoryFile.SCHEMA, trades);
        Commit.Result result = new TrackerCycle(killed, source, clock, FEES).poll();

        assertThat(result.reconciled()).isEqualTo(trades.size());
        assertThat(killed.read(TradeHistoryFile.SCHEMA)).isEqualTo(trades);
        assertThat(withoutProcessingTime(killed.read(SetupsFile.SCHEMA)))
                .isEqualTo(withoutProcessingTime(reference.read(SetupsFile.SCHEMA)));
    }

    @Test
    void aSetupCancelledWhileAPollWasReplayingKeepsTheCancellation() {
        List<Setup> setups = TrackerFixtures.setups(30, 1500, 5);
        InMemoryKlineSource source = InMemoryKlineSource.sample(Interval.M5);
        SteppingClock clock = new SteppingClock(TrackerFixtures.barOpen(2200));
        RunsStore store = storeWith(dir, setups, clock);
        SetupLifecycle lifecycle = new SetupLifecycle(alpha12.core.market.KlineSeries.of("BTCUSDT", Interval.M5,
                source.closedKlines("BTCUSDT", Interval.M5, Instant.EPOCH, clock.instant())));
        Setup ending = setups.stream().filter(s -> lifecycle.advance(s, clock.instant()).ended()).findFirst().orElseThrow();

        assertThat(CancelCommand.cancel(store, FEES, ending.uniqueId())).isEmpty();
        Commit.Result result = new Commit(store, FEES).apply(setups,
                Map.of(ending.id(), lifecycle.advance(ending, clock.instant())));

        assertThat(result.dropped()).containsExactly(ending.id());
        List<TradeRecord> rows = store.read(TradeHistoryFile.SCHEMA);
        assertThat(rows).singleElement().satisfies(t -> {
            assertThat(t.setupId()).isEqualTo(ending.id());
            assertThat(t.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(t.pnlPct()).isZero();
        });
        assertThat(CancelCommand.cancel(store, FEES, ending.id())).hasValueSatisfying(
                e -> assertThat(e).contains("already cancelled"));
        assertThat(CancelCommand.cancel(store, FEES, "NOPE")).hasValueSatisfying(e -> assertThat(e).contains("NOPE"));
    }

    @Test
    void withoutOneMinuteBarsTheSetupsOwnIntervalIsReplayed() throws IOException {
        List<Setup> setups = TrackerFixtures.setups(20, 1500, 9);
        SteppingClock clock = new SteppingClock(TrackerFixtures.barOpen(2200));
        RunsStore store = storeWith(dir, setups, clock);
        InMemoryKlineSource withOneMinute = InMemoryKlineSource.sample(Interval.M5).with(Interval.M1, List.of());
        new TrackerCycle(store, withOneMinute, clock, FEES).poll();
        assertThat(store.read(TradeHistoryFile.SCHEMA)).isEmpty();
        assertThat(store.read(SetupsFile.SCHEMA)).allMatch(s -> s.lifecycle().status() == SetupStatus.PENDING);

        RunsStore fallback = storeWith(dir.resolve("fallback"), setups, clock);
        new TrackerCycle(fallback, InMemoryKlineSource.sample(Interval.M5), clock, FEES).poll();
        assertThat(fallback.read(TradeHistoryFile.SCHEMA)).isNotEmpty();
        assertThat(Files.exists(dir.resolve("fallback").resolve("setups.csv.rejected"))).isFalse();
    }

    static Map<String, TradeRecord> byId(List<TradeRecord> rows) {
        return rows.stream().collect(Collectors.toMap(TradeRecord::setupId, t -> t));
    }

    /** Setups with {@code triggered_at} (when the tracker happened to process the trigger) blanked. */
    static List<Setup> withoutProcessingTime(List<Setup> setups) {
        return setups.stream().map(s -> {
            Setup.Lifecycle l = s.lifecycle();
            return new Setup(s.id(), s.uniqueId(), s.timeframe(), s.direction(), s.confidence(), s.origin(), s.levels(),
                    s.sizing(), s.trigger(), new Setup.Lifecycle(l.createdAt(), l.expiresAt(), l.validBars(),
                            l.status(), Optional.empty(), l.triggerPrice(), l.triggerTs()));
        }).toList();
    }
}
