package alpha12.backgroundanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.Launcher;
import alpha12.core.config.ConfigException;
import alpha12.core.features.FeatureNames;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.PublishReason;
import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesAndTrainCommandTest {

    @TempDir
    Path dir;
    String out;
    String err;

    private int run(String... args) throws IOException {
        Path env = dir.resolve("test.env");
        Files.writeString(env, "ALPHA12_RF_TREES=10\n");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] common = {"--source", "sample", "--runs-dir", dir.resolve("runs").toString(), "--env-file",
            env.toString(), "--now", "2024-03-15T00:00:00Z"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(common))
                .toArray(String[]::new);
        int code = Launcher.run("alpha12-background-analysis", new BackgroundAnalysisMain(), new PrintWriter(o),
                new PrintWriter(e), all);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void featuresWritesEveryRowPastWarmUpWithTheLabelOnlyWhereItsHorizonIsComplete() throws IOException {
        Path csv = dir.resolve("features.csv");
        assertThat(run("features", "--symbol", "BTCUSDT", "--interval", "1h", "--with-label", "--out",
                csv.toString())).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("open_time," + String.join(",", FeatureNames.ALL) + ",label");
        assertThat(lines.get(1)).startsWith("2023-");
        assertThat(lines.get(lines.size() - 1)).startsWith("2024-03-14T23:00:00+00:00,").endsWith(",");
        long unlabelled = lines.stream().skip(1).filter(l -> l.endsWith(",")).count();
        assertThat(unlabelled).isEqualTo(12);
        assertThat(lines.stream().skip(1).filter(l -> !l.endsWith(","))).allMatch(l -> l.endsWith(",0")
                || l.endsWith(",1"));
        assertThat(out).contains("rows past warm-up");
    }

    @Test
    void trainPublishesAManualModelAndPrintsItsOutOfFoldMetrics() throws Exception {
        assertThat(run("train", "--interval", "4h")).isZero();
        assertThat(out).contains("out-of-fold ROC AUC", "in-sample accuracy", "top features", "published (manual)");
        assertThat(new ModelStore(new RunsStore(dir.resolve("runs"), Clock.systemUTC()))
                .meta(new Timeframe("BTCUSDT", Interval.H4))
                .publication().reason()).isEqualTo(PublishReason.MANUAL);
    }

    @Test
    void anUnknownIntervalIsAConfigurationError() throws IOException {
        assertThat(run("train", "--interval", "7m")).isEqualTo(ConfigException.EXIT_CODE);
        assertThat(err.strip()).contains("--interval=7m").contains("5m, 15m, 1h, 4h or 1d").doesNotContain("\n");
    }
}
