package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.testing.LogCapture;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Gate;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SignalDecision;
import alpha12.core.trading.TriggerRule;
import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsStoreCsvTest {

    private static final Instant NOW = Instant.parse("2025-08-30T06:48:11.087750Z");
    private static final String HEADER = BackgroundAnalysisFile.SCHEMA.header();

    @TempDir
    Path runs;

    private RunsStore store() {
        return new RunsStore(runs, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file() {
        return runs.resolve(BackgroundAnalysisFile.NAME);
    }

    private String rejected() throws IOException {
        return Files.readString(runs.resolve(BackgroundAnalysisFile.NAME + ".rejected"));
    }

    @Test
    void appendWritesTheHeaderOnceThenOneLinePerRow() throws IOException {
        RunsStore store = store();
        store.append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("BTCUSDT", 0));
        store.append(BackgroundAnalysisFile.SCHEMA,
                List.of(StoreWorker.row("BTCUSDT", 1), StoreWorker.row("ETHUSDT", 2)));

        assertThat(Files.readAllLines(file())).containsExactly(HEADER,
                "BTCUSDT,5m,2025-08-18T03:39:53.291825+00:00,0,44,0.5,0.49,0.505,0.484,0.451,0.413,"
                        + "\"['rsi_14', 'atr_ratio']\",rf,True",
                "BTCUSDT,5m,2025-08-18T03:39:54.291825+00:00,1,44,0.51,0.49,0.505,0.484,0.451,0.413,"
                        + "\"['rsi_14', 'atr_ratio']\",rf,True",
                "ETHUSDT,5m,2025-08-18T03:39:55.291825+00:00,2,44,0.52,0.49,0.505,0.484,0.451,0.413,"
                        + "\"['rsi_14', 'atr_ratio']\",rf,True");
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).containsExactly(StoreWorker.row("BTCUSDT", 0),
                StoreWorker.row("BTCUSDT", 1), StoreWorker.row("ETHUSDT", 2));
    }

    @Test
    void theOriginalSystemsBackgroundAnalysisRowReadsUnchanged() throws IOException {
        String original = "BTCUSDT,15m,2025-08-18T03:39:53.291825+00:00,1000,44,0.862,0.49,0.5048192771084337,"
                + "0.483994653994654,0.4510574460517739,0.41326083050232204,[],rf,True";
        Files.writeString(file(), HEADER + "\n" + original + "\n");

        List<AnalysisRow> rows = store().read(BackgroundAnalysisFile.SCHEMA);

        assertThat(rows).containsExactly(new AnalysisRow("BTCUSDT", Interval.M15,
                Instant.parse("2025-08-18T03:39:53.291825Z"), 1000, 44, 0.862, 0.49, 0.5048192771084337,
                0.483994653994654, 0.4510574460517739, 0.41326083050232204, List.of(), "rf", true));
        store().update(BackgroundAnalysisFile.SCHEMA, r -> r);
        assertThat(Files.readAllLines(file())).containsExactly(HEADER, original);
    }

    @Test
    void malformedRowsMoveVerbatimToRejectedWithTheirReasonsAndLeaveTheFile() throws IOException {
        String good = line(StoreWorker.row("GOOD", 1));
        List<String> bad = List.of(
                "SHORT,5m,2025-08-18T03:39:53+00:00,1,44",
                good.replace(",0.51,", ",0.5x1,"),
                good.replace(",5m,", ",7m,"),
                good.replace("+00:00", ""),
                good.replace(",True", ",maybe"),
                good.replace("GOOD,", "\"GOOD\"x,"));
        List<String> content = new ArrayList<>(List.of(HEADER, good));
        content.addAll(bad);
        content.add(good.replace("GOOD", "ALSO"));
        Files.write(file(), content);

        List<AnalysisRow> rows;
        try (LogCapture logs = LogCapture.of(RunsStore.class)) {
            rows = store().read(BackgroundAnalysisFile.SCHEMA);
            assertThat(logs.messages(Level.WARN)).containsExactly("background_analysis.csv: moved 6 untrusted "
                    + "line(s) to background_analysis.csv.rejected (first at line 3: 5 fields, expected 14)");
        }

        assertThat(rows).extracting(AnalysisRow::asset).containsExactly("GOOD", "ALSO");
        assertThat(Files.readAllLines(file())).containsExactly(HEADER, good, good.replace("GOOD", "ALSO"));
        List<String> rejected = Files.readAllLines(runs.resolve(BackgroundAnalysisFile.NAME + ".rejected"));
        assertThat(rejected).hasSize(2 * bad.size());
        for (int i = 0; i < bad.size(); i++) {
            assertThat(rejected.get(2 * i)).startsWith("# 2025-08-30T06:48:11.087750+00:00 line " + (i + 3) + ": ");
            assertThat(rejected.get(2 * i + 1)).isEqualTo(bad.get(i));
        }
        assertThat(rejected.get(0)).endsWith("5 fields, expected 14");
        assertThat(rejected.get(2)).endsWith("accuracy is not a number: '0.5x1'");
        assertThat(rejected.get(4)).endsWith("interval is not an interval: '7m'");
        assertThat(rejected.get(6)).contains("timestamp", "without a UTC offset");
        assertThat(rejected.get(8)).endsWith("calibrated is not True/False: 'maybe'");
        assertThat(rejected.get(10)).contains("text after a closing quote");
    }

    @Test
    void anUnknownSetupStatusIsRejectedNotDropped() throws IOException {
        Setup setup = setup("AUTO-BTCUSDT-4h-1");
        store().append(SetupsFile.SCHEMA, setup);
        Path setups = runs.resolve(SetupsFile.NAME);
        String shifted = Files.readAllLines(setups).get(1).replace(",pending,", ",30,");
        Files.writeString(setups, Files.readAllLines(setups).get(0) + "\n" + shifted + "\n", StandardCharsets.UTF_8);

        assertThat(store().read(SetupsFile.SCHEMA)).isEmpty();

        assertThat(Files.readAllLines(runs.resolve(SetupsFile.NAME + ".rejected")))
                .containsExactly("# 2025-08-30T06:48:11.087750+00:00 line 2: status is not a setup status: '30'",
                        shifted);
    }

    @Test
    void aPartialLastLineIsRejectedOnReadAndTheRowsBeforeItKept() throws IOException {
        String good = line(StoreWorker.row("GOOD", 1));
        String partial = line(StoreWorker.row("CUT", 2)).substring(0, 40);
        Files.writeString(file(), HEADER + "\n" + good + "\n" + partial);

        assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).extracting(AnalysisRow::asset).containsExactly("GOOD");
        assertThat(Files.readString(file())).isEqualTo(HEADER + "\n" + good + "\n");
        assertThat(rejected()).isEqualTo("# 2025-08-30T06:48:11.087750+00:00 line 3: " + CsvFile.INCOMPLETE_LINE
                + "\n" + partial + "\n");
    }

    @Test
    void aPartialLastLineNeverMergesWithTheNextAppend() throws IOException {
        // the cut falls inside a number: "0.49" became "0.4", which would parse if it merged or stayed
        String partial = line(StoreWorker.row("CUT", 2));
        partial = partial.substring(0, partial.indexOf(",0.49,") + 4);
        Files.writeString(file(), HEADER + "\n" + line(StoreWorker.row("GOOD", 1)) + "\n" + partial);

        store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("NEXT", 3));

        assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).containsExactly(StoreWorker.row("GOOD", 1),
                StoreWorker.row("NEXT", 3));
        assertThat(rejected()).isEqualTo("# 2025-08-30T06:48:11.087750+00:00 " + CsvFile.INCOMPLETE_LINE + "\n"
                + partial + "\n");
    }

    @Test
    void aZeroByteFileIsEmptyAndGetsItsHeaderOnTheFirstAppend() throws IOException {
        Files.createFile(file());
        assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).isEmpty();

        store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("A", 0));

        assertThat(Files.readAllLines(file())).hasSize(2).first().isEqualTo(HEADER);
        assertThat(runs.resolve(BackgroundAnalysisFile.NAME + ".rejected")).doesNotExist();
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void aCutOffHeaderOrBlankFileCountsAsEmpty() throws IOException {
        for (String start : List.of(HEADER.substring(0, 17), HEADER, "\n\n  \n")) {
            Files.writeString(file(), start);
            assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).isEmpty();

            store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("A", 0));

            assertThat(Files.readAllLines(file())).containsExactly(HEADER, line(StoreWorker.row("A", 0)));
        }
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void aForeignHeaderQuarantinesTheWholeFileUnchangedAndStartsANewOne() throws IOException {
        String legacy = "id,unique_id,asset,interval,direction,entry,stop,target\nX,Y,BTCUSDT,4h,short,1,2,3\n";
        Files.writeString(file(), legacy);

        try (LogCapture logs = LogCapture.of(RunsStore.class)) {
            assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).isEmpty();
            assertThat(logs.messages(Level.ERROR)).singleElement().asString().startsWith("background_analysis.csv: "
                    + "its header is not this file's schema, so the whole file was moved, unchanged, to "
                    + "background_analysis.csv.20250830T064811Z.quarantined");
        }
        Files.writeString(file(), legacy);
        store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("A", 0));

        assertThat(quarantined()).extracting(p -> p.getFileName().toString()).containsExactly(
                "background_analysis.csv.20250830T064811Z-2.quarantined",
                "background_analysis.csv.20250830T064811Z.quarantined");
        for (Path q : quarantined()) {
            assertThat(Files.readString(q)).isEqualTo(legacy);
        }
        assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).containsExactly(StoreWorker.row("A", 0));
    }

    @Test
    void updateReplacesTheFileWithTheRowsReturnedAndLeavesNoTempFile() throws IOException {
        RunsStore store = store();
        store.append(BackgroundAnalysisFile.SCHEMA, List.of(StoreWorker.row("A", 0), StoreWorker.row("B", 1)));

        List<AnalysisRow> written = store.update(BackgroundAnalysisFile.SCHEMA, rows -> {
            rows.removeIf(r -> r.asset().equals("A"));
            rows.add(StoreWorker.row("C", 2));
            return rows;
        });

        assertThat(written).containsExactly(StoreWorker.row("B", 1), StoreWorker.row("C", 2));
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).isEqualTo(written);
        try (Stream<Path> files = Files.list(runs)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "background_analysis.csv", "background_analysis.csv.lock");
        }
    }

    @Test
    void aRowThatWouldNotReadBackIsRefusedAndNothingIsWritten() throws IOException {
        RunsStore store = store();
        store.append(SetupsFile.SCHEMA, setup("S1"));
        byte[] before = Files.readAllBytes(runs.resolve(SetupsFile.NAME));
        Setup overconfident = withConfidence(setup("S2"), 1.07);

        assertThatThrownBy(() -> store.append(SetupsFile.SCHEMA, List.of(setup("S3"), overconfident)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setups.csv: refusing to write a row that would not read back")
                .hasMessageContaining("confidence must be in [0, 1]: 1.07");
        assertThatThrownBy(() -> store.update(SetupsFile.SCHEMA, rows -> List.of(overconfident)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(Files.readAllBytes(runs.resolve(SetupsFile.NAME))).isEqualTo(before);
    }

    @Test
    void appendLeavesEarlierLinesAloneWithoutReadingThem() throws IOException {
        String damaged = "this line is not a row";
        Files.writeString(file(), HEADER + "\n" + damaged + "\n");

        store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("A", 0));

        assertThat(Files.readAllLines(file())).containsExactly(HEADER, damaged, line(StoreWorker.row("A", 0)));
    }

    @Test
    void windowsLineEndsAndABomAreRead() throws IOException {
        String good = line(StoreWorker.row("A", 0));
        Files.writeString(file(), "\uFEFF" + HEADER + "\r\n" + good + "\r\n");

        assertThat(store().read(BackgroundAnalysisFile.SCHEMA)).containsExactly(StoreWorker.row("A", 0));
    }

    @Test
    void textWithLineBreaksAndCommasStaysOneQuotedCell() {
        RunsStore store = store();
        var signal = new alpha12.core.trading.SignalRecord(NOW, "BTCUSDT", Interval.H4, Direction.SHORT, 0.7, 0.3,
                0.7, 64000.5, new SignalDecision.Blocked(Gate.REGIME), "regime gate: close above\nSMA(200), \"bull\"");

        store.append(SignalsFile.SCHEMA, signal);

        var read = store.read(SignalsFile.SCHEMA);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).reason()).isEqualTo("regime gate: close above SMA(200), \"bull\"");
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.toString().endsWith(".quarantined")).sorted().toList();
        }
    }

    private static String line(AnalysisRow row) {
        return CsvLine.format(BackgroundAnalysisFile.SCHEMA.writer().cells(row));
    }

    static Setup setup(String id) {
        return new Setup(id, id + "-U", new Timeframe("BTCUSDT", Interval.H4), Direction.SHORT, 0.71, Origin.AUTO,
                new Setup.Levels(110302.04, 111956.57, 107323.88, 1.8), new Setup.Sizing(0.006, 666.67, 10.0),
                new Setup.Trigger(TriggerRule.TOUCH, 5.0),
                Setup.Lifecycle.pending(NOW, NOW.plusSeconds(24 * 4 * 3600), 24));
    }

    private static Setup withConfidence(Setup s, double confidence) {
        return new Setup(s.id(), s.uniqueId(), s.timeframe(), s.direction(), confidence, s.origin(), s.levels(),
                s.sizing(), s.trigger(), s.lifecycle());
    }
}
