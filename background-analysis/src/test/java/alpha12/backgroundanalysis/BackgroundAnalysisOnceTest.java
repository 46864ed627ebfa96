package alpha12.backgroundanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.cli.Launcher;
import alpha12.core.features.FeatureNames;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.PublishReason;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.store.RunsStore;
import alpha12.core.store.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpha12-background-analysis --once --source sample}: the README's run command, in process. */
class BackgroundAnalysisOnceTest {

    static final String HEADER = "asset,interval,timestamp,samples,features,accuracy,win_rate,cv_accuracy,"
            + "cv_precision,cv_recall,cv_f1,top_features,model_type,calibrated";

    @TempDir
    static Path dir;
    static int exit;
    static String out;
    static Path runs;

    @BeforeAll
    static void runOnce() throws IOException {
        runs = dir.resolve("runs");
        Path env = dir.resolve("test.env");
        Files.writeString(env, "ALPHA12_RF_TREES=20\n");
        StringWriter stdout = new StringWriter();
        exit = Launcher.run("alpha12-background-analysis", new BackgroundAnalysisMain(), new PrintWriter(stdout),
                new PrintWriter(new StringWriter()), "--once", "--source", "sample", "--runs-dir", runs.toString(),
                "--env-file", env.toString());
        out = stdout.toString();
    }

    @Test
    void writesOneRowPerIntervalWithTheSeedsExactHeader() throws IOException {
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(runs.resolve("background_analysis.csv"));
        assertThat(lines.get(0)).isEqualTo(HEADER);
        List<AnalysisRow> rows = new RunsStore(runs, Clock.systemUTC()).read(BackgroundAnalysisFile.SCHEMA);
        assertThat(rows).extracting(AnalysisRow::interval).containsExactlyElementsOf(Interval.TIMEFRAMES);
        for (AnalysisRow r : rows) {
            assertThat(r.asset()).isEqualTo("BTCUSDT");
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
            assertThat(r.features()).isEqualTo(44);
            assertThat(r.samples()).isGreaterThanOrEqualTo(80);
            assertThat(r.topFeatures()).hasSize(5).allMatch(FeatureNames.ALL::contains);
            assertThat(r.modelType()).isEqualTo("rf");
            assertThat(r.calibrated()).isTrue();
            assertThat(List.of(r.accuracy(), r.winRate(), r.cvAccuracy(), r.cvPrecision(), r.cvRecall(), r.cvF1()))
                    .allMatch(v -> v >= 0 && v <= 1);
        }
        assertThat(lines.get(1)).startsWith("BTCUSDT,5m,2024-04-01T00:00:00+00:00,")
                .matches(".*,\"\\['[a-z0-9_]+', '[a-z0-9_]+', '[a-z0-9_]+', '[a-z0-9_]+', '[a-z0-9_]+'\\]\",rf,True");
    }

    @Test
    void writesTheHeartbeatSnapshotsAndBootstrapModels() throws Exception {
        assertThat(Timestamps.parse(Files.readString(runs.resolve("background_analysis_heartbeat.txt"))))
                .isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        ModelStore models = new ModelStore(new RunsStore(runs, Clock.systemUTC()));
        ObjectMapper json = new ObjectMapper();
        for (Interval interval : Interval.TIMEFRAMES) {
            assertThat(models.load(new Timeframe("BTCUSDT", interval)).meta().publication().reason())
                    .isEqualTo(PublishReason.BOOTSTRAP);
            List<String> snapshots = Files.readAllLines(
                    runs.resolve("feature_snapshots/BTCUSDT_" + interval.code() + "_snapshots.jsonl"));
            assertThat(snapshots).hasSize(1);
            JsonNode s = json.readTree(snapshots.get(0));
            assertThat(s.get("source").asText()).isEqualTo("background_analysis");
            assertThat(s.get("setup_generated").asBoolean()).isFalse();
            assertThat(s.has("target")).isFalse();
            assertThat(s.get("prob_up").asDouble()).isBetween(0.0, 1.0);
            assertThat(Timestamps.parse(s.get("bar_open_time").asText()))
                    .isEqualTo(interval.lastClosedOpen(Instant.parse("2024-04-01T00:00:00Z")));
            assertThat(s.get("features").size()).isEqualTo(44);
            FeatureNames.ALL.forEach(name -> assertThat(s.get("features").get(name).isNumber()).as(name).isTrue());
        }
    }

    @Test
    void printsAReadablePerIntervalSummary() {
        assertThat(out.lines().findFirst().orElseThrow()).contains("asset", "tf", "samples", "cv_acc", "cv_auc");
        for (Interval interval : Interval.TIMEFRAMES) {
            assertThat(out).containsPattern("BTCUSDT\\s+" + interval.code() + "\\s+\\d+");
        }
        assertThat(out).contains("bootstrap");
    }
}
