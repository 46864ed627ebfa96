package alpha12.backgroundanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.Launcher;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelMeta;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.PublishReason;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.TradeRecord;
import alpha12.core.trading.TriggerRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitor --once} on a hand-made trade history: degraded 4h, healthy 1d, malformed rows. */
class MonitorCommandTest {

    private static final Timeframe BTCUSDT_H4 = new Timeframe("BTCUSDT", Interval.H4);

    static final Instant NOW = Instant.parse("2024-03-30T00:00:00Z");

    @TempDir
    Path dir;

    private String run(Instant now) throws IOException {
        Path env = dir.resolve("test.env");
        Files.writeString(env, "ALPHA12_RF_TREES=10\nALPHA12_TRAINING_INTERVALS=4h,1d\n");
        StringWriter out = new StringWriter();
        int code = Launcher.run("alpha12-background-analysis", new BackgroundAnalysisMain(), new PrintWriter(out),
                new PrintWriter(new StringWriter()), "monitor", "--once", "--source", "sample", "--runs-dir",
                dir.resolve("runs").toString(), "--env-file", env.toString(), "--now", now.toString());
        assertThat(code).isZero();
        return out.toString();
    }

    static TradeRecord trade(Interval interval, int i, boolean win) {
        Instant exit = NOW.minus(Duration.ofHours(2 + 3L * i));
        double pnl = win ? 1.8 : -1.0;
        return new TradeRecord("AUTO-BTCUSDT-" + interval + "-" + i, "BTCUSDT", interval, Direction.LONG,
                exit.minus(Duration.ofHours(8)), Optional.of(exit.minus(Duration.ofHours(4))), 100, 99, 101.8, exit,
                win ? 101.8 : 99, win ? Outcome.TARGET : Outcome.STOP, pnl, pnl - 0.08, 1.8, 0.7, 1, 100, 0.25, 4.0,
                100, TriggerRule.TOUCH, 5.0, win ? 1.8 : -1.0, Origin.AUTO);
    }

    @Test
    void retrainsTheDegradedTimeframeOnceReportsMalformedRowsAndUsesTheRest() throws Exception {
        RunsStore store = new RunsStore(dir.resolve("runs"), Clock.systemUTC());
        List<TradeRecord> trades = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            trades.add(trade(Interval.H4, i, i < 6)); // 4h: 6 of 24 won, win rate 0.25 < 0.55
        }
        for (int i = 0; i < 16; i++) {
            trades.add(trade(Interval.D1, i, i < 12)); // 1d: 12 of 16, PF 12·1.72/4·1.08 ≈ 4.8: healthy
        }
        store.append(TradeHistoryFile.SCHEMA, trades);
        Path file = dir.resolve("runs/trade_history.csv");
        String shifted = "AUTO-BTCUSDT-4h-20250827_040022,BTCUSDT,4h,short,2025-08-27T04:00:32+08:00,,110000.0,"
                + "111650.0,107030.0,,,20,adaptive,,,,,,,,,touch,5.0,,auto";
        Files.writeString(file, Files.readString(file) + shifted + "\nnot,a,trade\n");

        String table = run(NOW);

        assertThat(table).containsPattern("BTCUSDT 4h\\s+24/20\\s+0\\.250.*degraded, retrained");
        assertThat(table).containsPattern("BTCUSDT 1d\\s+16/15\\s+0\\.750.*healthy");
        String rejected = Files.readString(dir.resolve("runs/trade_history.csv.rejected"));
        assertThat(rejected).contains(shifted).contains("not,a,trade").contains("exit_ts is empty")
                .contains("3 fields, expected 25");
        assertThat(store.read(TradeHistoryFile.SCHEMA)).hasSize(40);

        ModelMeta meta = new ModelStore(store).meta(BTCUSDT_H4);
        assertThat(meta.publication().reason()).isEqualTo(PublishReason.PERFORMANCE_DEGRADATION);
        assertThat(meta.publication().winRate()).isEqualTo(0.25);
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("runs/performance_metrics.json").toFile());
        assertThat(metrics.get("BTCUSDT_4h").get("total_trades").asInt()).isEqualTo(24);
        assertThat(metrics.get("BTCUSDT_4h").get("win_rate").asDouble()).isEqualTo(0.25);

        String again = run(NOW.plus(Duration.ofHours(1)));
        assertThat(again).containsPattern("BTCUSDT 4h.*degraded, in cooldown\\s+23h00m");
        assertThat(new ModelStore(store).meta(BTCUSDT_H4).trainedAt()).isEqualTo(meta.trainedAt());
    }
}
