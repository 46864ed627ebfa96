package alpha12.backgroundanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineCacheFile;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.DaemonRun;
import alpha12.core.testing.FakeBinance;
import alpha12.core.testing.TestKlines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background analysis, run in process as its jar's main runs it, on damaged runs/ files and bad market
 * input: each gives a one-line warning and the daemon carries on — never a stack trace.
 */
class AnalysisBadInputTest {

    /** 4h candle closes inside the bundled sample (it ends 2024-04-01). */
    static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path runs;
    private Path logs;
    private final MockWebServer binance = new MockWebServer();
    private final FakeBinance fake = new FakeBinance();

    @BeforeEach
    void setUp() throws IOException {
        runs = dir.resolve("runs");
        logs = dir.resolve("logs");
        binance.setDispatcher(fake);
        binance.start();
    }

    @AfterEach
    void tearDown() {
        binance.close();
    }

    private DaemonRun analysis(String settings, String... args) throws IOException {
        Path env = Files.writeString(dir.resolve("test.env"), "ALPHA12_TRAINING_INTERVALS=4h\nALPHA12_RF_TREES=10\n"
                + "ALPHA12_ANALYSIS_DAYS=60\nALPHA12_LOG_DIR=" + logs + "\nALPHA12_BINANCE_BASE_URL="
                + binance.url("/") + "\n" + settings);
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--runs-dir", runs.toString(), "--env-file",
                env.toString())).toArray(String[]::new);
        DaemonRun run = DaemonRun.run(BackgroundAnalysisMain.PROGRAM, new BackgroundAnalysisMain(), logs, all);
        assertThat(run.stackTraceLines()).as("stack trace lines").isEmpty();
        return run;
    }

    private DaemonRun onceAt(Instant now, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--once", "--source", "sample", "--now", now.toString()));
        args.addAll(List.of(extra));
        return analysis("", args.toArray(String[]::new));
    }

    private Path published() throws IOException {
        return runs.resolve("timeframe_models/BTCUSDT_4h").toRealPath();
    }

    /** One way to damage the published model folder, and what the warning must say about it. */
    private record Damage(String name, String file, UnaryOperator<byte[]> change, String warning) {
    }

    @Test
    void aDamagedOrForeignPublishedModelIsReplacedOnTheNextCycleWithAWarningNamingTheDamage() throws Exception {
        assertThat(onceAt(NOW).exit()).isZero();
        List<Damage> damages = List.of(
                new Damage("truncated model.bin", ModelStore.MODEL_FILE, b -> Arrays.copyOf(b, b.length / 2),
                        "model.bin does not match the checksum in meta.json"),
                new Damage("foreign model.bin (a joblib pickle)", ModelStore.MODEL_FILE,
                        b -> "\u0080\u0004\u0095joblib pickle of a sklearn forest".getBytes(StandardCharsets.UTF_8),
                        "model.bin does not match the checksum in meta.json"),
                new Damage("meta.json with other feature names", ModelStore.META_FILE,
                        b -> new String(b, StandardCharsets.UTF_8).replace("\"rsi_14\"", "\"rsi_21\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "it was trained on other features than this build computes"),
                new Damage("the original's meta.json", ModelStore.META_FILE,
                        b -> ("{\"asset\": \"BTCUSDT\", \"interval\": \"4h\", \"model_type\": \"rf\", \"calibrated\": "
                                + "true, \"samples\": 1000, \"features\": 44, \"trained_at\": "
                                + "\"2025-08-20T19:06:10.728433\"}").getBytes(StandardCharsets.UTF_8),
                        "meta.json has format version (none); this build reads version"));
        Instant now = NOW;
        for (Damage d : damages) {
            Path folder = published();
            Path file = folder.resolve(d.file());
            Files.write(file, d.change().apply(Files.readAllBytes(file)));
            now = now.plus(Duration.ofHours(4));

            DaemonRun run = onceAt(now);

            assertThat(run.exit()).as(d.name()).isZero();
            assertThat(run.logLines("WARN")).as(d.name()).singleElement().asString()
                    .contains("model BTCUSDT 4h unavailable: ", d.warning(),
                            "; publishing this cycle's model in its place (bootstrap)");
            assertThat(published()).as(d.name()).isNotEqualTo(folder);
            assertThat(run.out()).as(d.name()).contains("bootstrap");
            assertThat(new ModelStore(new RunsStore(runs, Clock.systemUTC()))
                    .verifiedMeta(new Timeframe("BTCUSDT", Interval.H4))
                    .trainedAt()).isEqualTo(now);
        }
    }

    @Test
    void aKlineCacheWithDuplicateRowsOrAGapIsRebuiltFromTheExchange() throws IOException {
        Path cache = runs.resolve("cache/klines/BTCUSDT-4h.csv");
        List<Kline> served = TestKlines.sample(Interval.H4).stream()
                .filter(k -> k.openTime() >= NOW.minus(Duration.ofDays(61)).toEpochMilli()
                        && k.closeTime() < NOW.toEpochMilli())
                .toList();
        Map<String, String> damages = Map.of(
                "duplicate rows", "corrupt",
                "a gap", "the cache misses 1 4h bar(s) from");
        for (Map.Entry<String, String> damage : damages.entrySet()) {
            List<String> lines = new ArrayList<>(cacheLines(served));
            int middle = lines.size() / 2;
            if (damage.getKey().equals("a gap")) {
                lines.remove(middle);
            } else {
                lines.add(middle, lines.get(middle));
                lines.add(middle + 10, lines.get(middle + 10));
            }
            Files.createDirectories(cache.getParent());
            Files.write(cache, lines);

            DaemonRun run = analysis("", "--once", "--source", "binance", "--now", NOW.toString());

            assertThat(run.exit()).as(damage.getKey()).isZero();
            assertThat(run.logLines("WARN")).as(damage.getKey()).anySatisfy(l -> assertThat(l)
                    .contains(cache.toString(), damage.getValue(), "downloading again"));
            List<String> rebuilt = Files.readAllLines(cache);
            long first = Long.parseLong(rebuilt.get(1).substring(0, rebuilt.get(1).indexOf(',')));
            assertThat(first).as(damage.getKey()).isLessThanOrEqualTo(NOW.minus(Duration.ofDays(60)).toEpochMilli());
            assertThat(rebuilt).as(damage.getKey()).containsExactlyElementsOf(cacheLines(served.stream()
                    .filter(k -> k.openTime() >= first).toList()));
            List<AnalysisRow> rows = new RunsStore(runs, Clock.systemUTC()).read(BackgroundAnalysisFile.SCHEMA);
            assertThat(rows).as(damage.getKey()).isNotEmpty().last().extracting(AnalysisRow::timestamp).isEqualTo(NOW);
        }
    }

    /** The cache file's lines for these bars, as the kline cache writes them. */
    private static List<String> cacheLines(List<Kline> bars) {
        List<String> out = new ArrayList<>();
        out.add(KlineCacheFile.schema("BTCUSDT", Interval.H4).header());
        for (Kline k : bars) {
            out.add(String.join(",", KlineCacheFile.schema("BTCUSDT", Interval.H4).writer().cells(k)));
        }
        return out;
    }

    @Test
    void anUnknownSymbolIsOneWarningPerCycleAndTheOtherSymbolsAreStillAnalysed() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.write(csv.resolve("BTCUSDT-4h.csv"), cacheLines(TestKlines.sample(Interval.H4)).subList(1,
                TestKlines.sample(Interval.H4).size() + 1));
        Map<String, String> sources = Map.of(
                "binance", "Binance does not know the symbol 'FOOUSDT' (code -1121 Invalid symbol.); check "
                        + "ALPHA12_SYMBOL / --symbols",
                "sample", "sample: the bundled sample has only BTCUSDT klines, not FOOUSDT",
                "csv:" + csv, "no file " + csv.resolve("FOOUSDT-4h.csv") + " for FOOUSDT 4h");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            DaemonRun run = analysis("ALPHA12_ANALYSIS_SLEEP=14400\n", "--source", source.getKey(), "--symbols",
                    "FOOUSDT,BTCUSDT", "--now", NOW.toString(), "--replay-to", NOW.plus(Duration.ofHours(8)).toString());

            assertThat(run.exit()).as(source.getKey()).isZero();
            List<String> warnings = run.logLines("WARN");
            assertThat(warnings).as(source.getKey()).hasSize(3).allSatisfy(w -> assertThat(w)
                    .contains("FOOUSDT 4h: analysis failed, skipped this cycle: ", source.getValue()));
            assertThat(new RunsStore(runs, Clock.systemUTC()).read(BackgroundAnalysisFile.SCHEMA))
                    .as(source.getKey()).extracting(AnalysisRow::asset).containsOnly("BTCUSDT").hasSizeGreaterThan(2);
            delete(runs);
        }
    }

    @Test
    void aCsvSourceWithAnInvalidFileIsSkippedWithItsBarNamedOrRefusedWhenItMustSetTheClock() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        List<String> lines = cacheLines(TestKlines.sample(Interval.H4));
        List<String> bars = new ArrayList<>(lines.subList(1, lines.size()));
        bars.add(100, bars.get(100));
        Files.write(csv.resolve("BTCUSDT-4h.csv"), bars);
        String bar = Instant.ofEpochMilli(Long.parseLong(bars.get(100).split(",")[0])) + " (#102 of ";

        DaemonRun withNow = analysis("", "--once", "--source", "csv:" + csv, "--now", NOW.toString());
        assertThat(withNow.exit()).isZero();
        assertThat(withNow.logLines("WARN")).singleElement().asString().contains("BTCUSDT 4h: analysis failed, "
                + "skipped this cycle: ", "BTCUSDT 4h bar " + bar, "duplicate open time");

        DaemonRun clockFromData = analysis("", "--once", "--source", "csv:" + csv);
        assertThat(clockFromData.exit()).isEqualTo(78);
        assertThat(clockFromData.err()).startsWith(BackgroundAnalysisMain.PROGRAM + ": configuration error: --source csv:"
                + csv + " is not usable: ").contains("BTCUSDT 4h bar " + bar, "duplicate open time",
                "; accepted: valid Binance klines, or --now <instant>").hasLineCount(1);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
