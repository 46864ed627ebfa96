package alpha12.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.TestKlines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setups and trade rows made here are stored by the runs/ store and read back unchanged. */
class TradingRowsRoundTripTest {

    @TempDir
    Path runs;

    @Test
    void plannedSetupsAndTheirTradeRowsSurviveTheStore() {
        RunsStore store = new RunsStore(runs, Clock.fixed(Instant.parse("2024-04-01T00:00:00Z"), ZoneOffset.UTC));
        KlineSeries bars = TestKlines.sampleSeries(Interval.M5);
        SetupPlanner planner = new SetupPlanner(SetupSettings.DEFAULT);
        List<Setup> setups = new ArrayList<>();
        for (int i = 100; i < bars.size(); i += 997) {
            Direction direction = i % 2 == 0 ? Direction.LONG : Direction.SHORT;
            setups.add(planner.plan(new Timeframe("BTCUSDT", Interval.M5), direction, 0.61,
                    Instant.ofEpochMilli(bars.closeTime(i)), bars.close()[i], bars.close()[i] * 0.004));
        }
        store.append(SetupsFile.SCHEMA, setups);
        assertThat(store.read(SetupsFile.SCHEMA)).isEqualTo(setups);

        SetupLifecycle lifecycle = new SetupLifecycle(bars);
        List<Setup> ended = new ArrayList<>();
        List<TradeRecord> trades = new ArrayList<>();
        for (Setup s : setups) {
            Progress p = lifecycle.advance(s, Instant.parse("2024-04-01T00:00:30Z"));
            ended.add(p.setup());
            p.exit().ifPresent(exit -> trades.add(TradeRecord.of(p.setup(), exit, 4.0)));
        }
        Progress cancelled = SetupLifecycle.cancel(setups.get(0), Instant.parse("2024-04-01T00:01:00Z"));
        trades.add(TradeRecord.of(cancelled.setup(), cancelled.exit().orElseThrow(), 4.0));

        store.update(SetupsFile.SCHEMA, rows -> ended);
        store.append(TradeHistoryFile.SCHEMA, trades);
        assertThat(store.read(SetupsFile.SCHEMA)).isEqualTo(ended);
        assertThat(store.read(TradeHistoryFile.SCHEMA)).isEqualTo(trades);
        assertThat(trades).extracting(TradeRecord::outcome).contains(Outcome.STOP, Outcome.TARGET, Outcome.CANCELLED);
    }
}
