package alpha12.backgroundanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.config.Config;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSource;
import alpha12.core.market.MarketDataException;
import alpha12.core.market.Timeframe;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.training.ModelTrainer;
import alpha12.core.model.publish.RecalibrationLog;
import alpha12.core.model.TrainingSettings;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.FeatureSnapshot;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.InMemoryKlineSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCycleTest {

    private static final Timeframe BTCUSDT_H1 = new Timeframe("BTCUSDT", Interval.H1);

    static final Instant NOW = Instant.parse("2024-03-20T00:00:00Z");

    @TempDir
    Path dir;

    private AnalysisCycle cycle(KlineSource source, Clock clock, RunsStore store, boolean resume) {
        Config config = Config.defaults();
        TrainingSettings small = new TrainingSettings(new ForestSettings(10, 42, 8, 64, 10), config.training()
                .calibration(), config.training().folds());
        TimeframeAnalyzer analyzer = new TimeframeAnalyzer(source, config.analysis(), config.label(),
                new ModelTrainer(small, clock), clock);
        return new AnalysisCycle(config, store, clock, analyzer, new ModelStore(store), resume);
    }

    @Test
    void aSourceFailingForOneIntervalStillGivesTheOtherIntervalsTheirRows() {
        InMemoryKlineSource sample = InMemoryKlineSource.sample(Interval.M5, Interval.M15, Interval.H1, Interval.H4,
                Interval.D1);
        KlineSource failingOn1h = new KlineSource() {
            @Override
            public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
                if (interval == Interval.H1) {
                    throw new MarketDataException("binance: 503 Service Unavailable after 5 attempts");
                }
                return sample.closedKlines(symbol, interval, from, now);
            }

            @Override
            public String name() {
                return "failing on 1h";
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RunsStore store = new RunsStore(dir, clock);
        List<TimeframeOutcome> outcomes = cycle(failingOn1h, clock, store, false).run();

        assertThat(outcomes).extracting(o -> o.note().startsWith("FAILED")).containsExactly(false, false, true,
                false, false);
        assertThat(outcomes.get(2).note()).contains("503");
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).extracting(AnalysisRow::interval)
                .containsExactly(Interval.M5, Interval.M15, Interval.H4, Interval.D1);
    }

    @Test
    void aCandleAlreadyAnalysedIsNotAnalysedAgainAfterARestart() {
        InMemoryKlineSource sample = InMemoryKlineSource.sample(Interval.M5, Interval.M15, Interval.H1, Interval.H4,
                Interval.D1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RunsStore store = new RunsStore(dir, clock);
        cycle(sample, clock, store, true).run();
        List<TimeframeOutcome> again = cycle(sample, clock, store, true).run();
        assertThat(again).allMatch(o -> o.analysis().isEmpty() && o.note().contains("no new"));
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).hasSize(5);

        Clock later = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
        List<TimeframeOutcome> hourLater = cycle(sample, later, new RunsStore(dir, later), true).run();
        assertThat(hourLater).extracting(o -> o.analysis().isPresent()).containsExactly(true, true, true, false,
                false);
    }

    @Test
    void anAnalysisStoppedBeforeItsSnapshotIsRepeatedOnRestartWithoutASecondRow() throws Exception {
        InMemoryKlineSource sample = InMemoryKlineSource.sample(Interval.M5, Interval.M15, Interval.H1, Interval.H4,
                Interval.D1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RunsStore store = new RunsStore(dir, clock);
        cycle(sample, clock, store, true).run();
        List<AnalysisRow> rows = store.read(BackgroundAnalysisFile.SCHEMA);
        // Killed after the 1h row and publication, before its snapshot: the snapshot file lacks that line.
        Path snapshots = dir.resolve(FeatureSnapshot.file(BTCUSDT_H1));
        Files.writeString(snapshots, "");

        // restarted 10 s later, with the same candles closed: the repeated row differs only in its time
        Clock later = Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC);
        List<TimeframeOutcome> again = cycle(sample, later, new RunsStore(dir, later), true).run();

        assertThat(again).extracting(o -> o.analysis().isPresent()).containsExactly(false, false, true, false, false);
        assertThat(again.get(2).published()).isEmpty(); // the model it published before the stop is current
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).isEqualTo(rows);
        assertThat(Files.readAllLines(snapshots)).hasSize(1);
    }

    @Test
    void aPublicationThatDidNotCompleteLeavesItsCandleToBeAnalysedAndPublishedOnRestart() throws Exception {
        InMemoryKlineSource sample = InMemoryKlineSource.sample(Interval.H1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RunsStore store = new RunsStore(dir, clock);
        Path blocker = dir.resolve(ModelStore.DIR);
        Files.writeString(blocker, "not a folder: every publication fails, as if the daemon were killed in it");
        List<TimeframeOutcome> failed = cycle(sample, clock, store, true).run();
        assertThat(failed.get(2).note()).startsWith("FAILED");
        assertThat(dir.resolve(FeatureSnapshot.file(BTCUSDT_H1))).doesNotExist();

        Files.delete(blocker);
        List<TimeframeOutcome> restarted = cycle(sample, clock, store, true).run();

        assertThat(restarted.get(2).published()).contains("bootstrap");
        assertThat(new ModelStore(store).meta(BTCUSDT_H1).trainedAt()).isEqualTo(NOW);
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).extracting(AnalysisRow::interval)
                .containsExactly(Interval.H1);
    }

    @Test
    void aPublicationKilledBeforeItsLogEntryGetsItAtTheNextStart() throws Exception {
        InMemoryKlineSource sample = InMemoryKlineSource.sample(Interval.H1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RunsStore store = new RunsStore(dir, clock);
        cycle(sample, clock, store, true).run();
        Path log = dir.resolve(RecalibrationLog.FILE);
        String logged = Files.readString(log);
        Files.writeString(log, "{}\n");

        cycle(sample, clock, store, true).run();

        assertThat(Files.readString(log)).isEqualTo(logged);
    }
}
