package alpha12.autosignal;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.model.publish.ModelStore;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.DaemonRun;
import alpha12.core.testing.FakeBinance;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SignalRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autosignal, run in process as its jar's main runs it, on damaged runs/ files and an unknown symbol: a
 * one-line warning or a logged quarantine, then it carries on — never a stack trace, never a lost row.
 */
class AutosignalBadInputTest {

    /** 30 s after a 4h candle close inside the bundled sample. */
    static final Instant NOW = Instant.parse("2024-03-12T08:00:30Z");

    @TempDir
    Path dir;

    /** More lines for the env file. */
    private String extraSettings = "";

    private DaemonRun once(Instant now, String... extra) throws IOException {
        Path env = Files.writeString(dir.resolve("test.env"), "ALPHA12_RF_TREES=10\nALPHA12_ANALYSIS_DAYS=60\n"
                + "MIN_CONF_ARM=0.5\nGATE_REGIME=0\nMAX_SETUPS_PER_DAY=0\nALPHA12_LOG_DIR=" + dir.resolve("logs") + "\n"
                + extraSettings);
        List<String> args = new java.util.ArrayList<>(List.of("--once", "--runs-dir", dir.resolve("runs").toString(),
                "--env-file", env.toString(), "--now", now.toString()));
        args.addAll(Arrays.asList(extra));
        if (!args.contains("--source")) {
            args.addAll(List.of("--source", "sample"));
        }
        DaemonRun run = DaemonRun.run(AutosignalMain.PROGRAM, new AutosignalMain(), dir.resolve("logs"),
                args.toArray(String[]::new));
        assertThat(run.stackTraceLines()).as("stack trace lines").isEmpty();
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private RunsStore store() {
        return new RunsStore(dir.resolve("runs"), Clock.systemUTC());
    }

    private Path published() throws IOException {
        return dir.resolve("runs/timeframe_models/BTCUSDT_4h").toRealPath();
    }

    private record Damage(String name, String file, UnaryOperator<byte[]> change, String warning) {
    }

    @Test
    void aDamagedOrForeignModelIsRetrainedAndTheCandleStillScored() throws IOException {
        once(NOW);
        List<Damage> damages = List.of(
                new Damage("truncated model.bin", ModelStore.MODEL_FILE, b -> Arrays.copyOf(b, b.length / 3),
                        "model.bin is truncated"),
                new Damage("foreign model.bin", ModelStore.MODEL_FILE,
                        b -> "PK\u0003\u0004 model.joblib".getBytes(StandardCharsets.UTF_8),
                        "not an Alpha12 model file"),
                new Damage("meta.json with other feature names", ModelStore.META_FILE,
                        b -> new String(b, StandardCharsets.UTF_8).replace("\"rsi_14\"", "\"rsi_21\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "it was trained on other features than this build computes"),
                new Damage("empty meta.json", ModelStore.META_FILE, b -> new byte[0], "meta.json is"));
        Instant now = NOW;
        for (Damage d : damages) {
            Path folder = published();
            Files.write(folder.resolve(d.file()), d.change().apply(Files.readAllBytes(folder.resolve(d.file()))));
            now = now.plus(Duration.ofHours(4));

            DaemonRun run = once(now);

            assertThat(run.logLines("WARN")).as(d.name()).anySatisfy(w -> assertThat(w)
                    .contains("BTCUSDT_4h: model BTCUSDT 4h unavailable: ", d.warning(), "; training one (bootstrap)"));
            assertThat(published()).as(d.name()).isNotEqualTo(folder);
            Instant candle = now.minus(Duration.ofSeconds(30)).minus(Duration.ofHours(4));
            assertThat(store().read(SignalsFile.SCHEMA)).as(d.name()).extracting(SignalRecord::ts).contains(candle);
        }
    }

    @Test
    void aZeroByteSetupsFileIsStartedAnewAndALineCutMidWriteIsSetAsideVerbatim() throws IOException {
        Path setups = Files.createDirectories(dir.resolve("runs")).resolve(SetupsFile.NAME);
        Files.write(setups, new byte[0]);

        once(NOW);
        List<Setup> first = store().read(SetupsFile.SCHEMA);
        assertThat(first).hasSize(1);

        String cut = Files.readAllLines(setups).get(1).substring(0, 57);
        Files.writeString(setups, cut, java.nio.file.StandardOpenOption.APPEND);
        DaemonRun run = once(NOW.plus(Duration.ofHours(4)));

        assertThat(run.logLines("WARN")).anySatisfy(w -> assertThat(w).contains("setups.csv: moved 1 untrusted "
                + "line(s) to setups.csv.rejected", "incomplete last line (its writer was interrupted)"));
        assertThat(Files.readString(dir.resolve("runs/setups.csv.rejected"))).endsWith("\n" + cut + "\n");
        assertThat(store().read(SetupsFile.SCHEMA)).isEqualTo(first);
        assertThat(Files.readAllLines(setups)).hasSize(2).first().isEqualTo(SetupsFile.SCHEMA.header());
        assertThat(store().read(SignalsFile.SCHEMA)).as("the second candle was scored").hasSize(2);
    }

    @Test
    void anUnknownSymbolIsOneWarningAndTheKnownOneIsStillScored() throws IOException {
        DaemonRun run = once(NOW, "--symbols", "FOOUSDT,BTCUSDT");

        assertThat(run.logLines("WARN")).filteredOn(w -> w.contains("FOOUSDT")).singleElement().asString()
                .contains("FOOUSDT 4h: could not score the candle "
                + "closing at 2024-03-12T08:00:00Z: sample: the bundled sample has only BTCUSDT klines, not FOOUSDT");
        assertThat(store().read(SignalsFile.SCHEMA)).extracting(SignalRecord::asset).containsExactly("BTCUSDT");
    }

    @Test
    void aSymbolBinanceDoesNotKnowIsOneWarningNamingIt() throws IOException {
        try (MockWebServer binance = new MockWebServer()) {
            binance.setDispatcher(new FakeBinance());
            binance.start();
            extraSettings = "ALPHA12_BINANCE_BASE_URL=" + binance.url("/") + "\n";

            DaemonRun run = once(NOW, "--source", "binance", "--symbols", "FOOUSDT");

            assertThat(run.logLines("WARN")).singleElement().asString().contains("FOOUSDT 4h: could not score the "
                    + "candle closing at 2024-03-12T08:00:00Z: binance FOOUSDT 4h klines from ", "Binance does not know "
                    + "the symbol 'FOOUSDT' (code -1121 Invalid symbol.); check ALPHA12_SYMBOL / --symbols");
            assertThat(dir.resolve("runs/signals.csv")).doesNotExist();
        }
    }
}
