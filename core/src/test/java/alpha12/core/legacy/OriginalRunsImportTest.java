package alpha12.core.legacy;

import static alpha12.core.legacy.RejectReason.CONFIDENCE_ABOVE_ONE;
import static alpha12.core.legacy.RejectReason.FIELD_COUNT;
import static alpha12.core.legacy.RejectReason.NO_CREATED_AT;
import static alpha12.core.legacy.RejectReason.NO_EQUIVALENT;
import static alpha12.core.legacy.RejectReason.NO_EXPIRY;
import static alpha12.core.legacy.RejectReason.REPAIR_STAMPED;
import static alpha12.core.legacy.RejectReason.SHIFTED;
import static alpha12.core.legacy.RejectReason.TEST_ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.market.Interval;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.OriginalRuns;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.TradeRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original system's real setups.csv, trade_history.csv and background_analysis.csv (test resources,
 * verbatim copies of ../shared/fixtures/original-runs/) imported into an empty runs/ folder. The expected
 * counts were made by reading every line of the files by hand; "line" is the line number in the file.
 */
class OriginalRunsImportTest {

    private static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path legacy;
    private RunsStore store;

    @BeforeEach
    void setUp() {
        legacy = OriginalRuns.folder(dir.resolve("original-runs"));
        store = new RunsStore(dir.resolve("runs"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyRowOfTheRealFilesIsImportedOrRejectedForTheReasonHandCountsGive() {
        ImportReport report = new LegacyImport(store).run(legacy);

        // setups.csv: 36 rows (lines 2-37), every line 22 fields under the tracker's 22-column header.
        FileReport setups = report.file("setups.csv").orElseThrow();
        assertThat(setups.read()).isEqualTo(36);
        // Line 2, the manual ETHUSDT 4h short, cancelled: the only row that kept its expires_at.
        assertThat(setups.imported()).isEqualTo(1);
        assertThat(setups.rejected()).containsExactly(
                // Lines 25 (ADAUSDT: confidence 'pending'), 28 (status '20', confidence 'adaptive': the valid_bars and
                // validity_source of autosignal's schema) and 37 (status '30').
                entry(SHIFTED, 3),
                // Lines 3-14: the twelve AUTO-ETHUSDT-1h setups of 21/22 Aug, all "created" between
                // 2025-08-22 11:53:43.8386 and .8397 +08:00 by one repair pass (two of them manual_exit as well).
                entry(REPAIR_STAMPED, 12),
                // Lines 19 and 26: manual_exit, closed by hand at a market price.
                entry(NO_EQUIVALENT, 2),
                // Lines 15 (1.0529) and 36 (1.0712; also triggered without trigger_ts): the original's weighted confidence.
                entry(CONFIDENCE_ABOVE_ONE, 2),
                // Lines 16-18, 20-24, 27, 29-35: expires_at blanked by the original's loaders, and no valid_bars column.
                entry(NO_EXPIRY, 16));
        assertThat(setups.alreadyPresent()).isZero();
        assertThat(setups.stillActive()).isZero();

        // trade_history.csv: 94 rows (lines 2-95): 77 with the header's 23 fields, 17 with the dashboard's 22.
        FileReport trades = report.file("trade_history.csv").orElseThrow();
        assertThat(trades.read()).isEqualTo(94);
        // Lines 73, 75 (the manual ETHUSDT 15m targets), 77, 86, 89-92 (AUTO-BTCUSDT-4h, one target, six stops).
        assertThat(trades.imported()).isEqualTo(8);
        assertThat(trades.rejected()).containsExactly(
                // Lines 71, 72, 74, 76, 78-85, 87, 88, 93-95: the dashboard's QUOTE_ALL rows, 22 fields.
                entry(FIELD_COUNT, 17),
                // Lines 42-49, 52, 53, 66, 67, 70 (the dashboard's cancellations, 23 fields with 'manual'/'auto'/'debug'
                // under price_at_trigger and 'manual_cancellation' under trigger_rule) and 68, 69 (manual exits with
                // 'touch' under leverage).
                entry(SHIFTED, 15),
                // Lines 2-11: setup_001..setup_010, seeded fakes whose pnl_pct is ten times the move; line 32:
                // test_fix_1755475580.
                entry(TEST_ROW, 11),
                // Lines 12-41 (but 32) and 57-65: created_at empty.
                entry(NO_CREATED_AT, 38),
                // Lines 50, 51, 56 (created 2025-08-20 10:31:17.5592-.5594) and 54, 55 (17:06:18.2063-.2064): the same
                // repair pass stamps as the backups' rows around them.
                entry(REPAIR_STAMPED, 5));

        // background_analysis.csv: its one row, in this system's own columns.
        FileReport analysis = report.file("background_analysis.csv").orElseThrow();
        assertThat(analysis.read()).isEqualTo(1);
        assertThat(analysis.imported()).isEqualTo(1);
        assertThat(analysis.rejected()).isEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void importedRowsAreRowsOfThisSystemsSchemasWithTimesInUtc() throws IOException {
        new LegacyImport(store).run(legacy);

        assertThat(firstLine("setups.csv")).isEqualTo(SetupsFile.SCHEMA.header());
        assertThat(store.read(SetupsFile.SCHEMA)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("ETHUSDT-4h-20250821_184414");
            // Its unique_id ETHUSDT-4h-SHORT-20250822-1316 was invented by the repair pass for three setups.
            assertThat(s.uniqueId()).isEqualTo(s.id());
            assertThat(s.lifecycle().createdAt()).isEqualTo(Instant.parse("2025-08-21T10:44:14.201345Z"));
            assertThat(s.lifecycle().expiresAt()).isEqualTo(Instant.parse("2025-08-25T10:44:14.201345Z"));
            assertThat(s.lifecycle().validBars()).isEqualTo(24);
            assertThat(s.lifecycle().status()).isEqualTo(SetupStatus.CANCELLED);
            assertThat(s.origin()).isEqualTo(Origin.MANUAL);
            assertThat(s.levels().entry()).isEqualTo(4406.9);
            assertThat(s.confidence()).isEqualTo(0.81);
        });
        assertThat(Files.readString(dir.resolve("runs/setups.csv")))
                .contains(",2025-08-21T10:44:14.201345+00:00,2025-08-25T10:44:14.201345+00:00,").doesNotContain("+08:00");

        assertThat(firstLine("trade_history.csv")).isEqualTo(TradeHistoryFile.SCHEMA.header());
        List<TradeRecord> trades = store.read(TradeHistoryFile.SCHEMA);
        assertThat(trades).extracting(TradeRecord::setupId).containsExactly("ETHUSDT-15m-20250822_162851",
                "ETHUSDT-15m-20250822_172938", "AUTO-BTCUSDT-4h-20250822_110022", "AUTO-BTCUSDT-4h-20250823_160020",
                "AUTO-BTCUSDT-4h-20250827_000022", "AUTO-BTCUSDT-4h-20250827_160020",
                "AUTO-BTCUSDT-4h-20250827_200018", "AUTO-BTCUSDT-4h-20250827_120020");
        assertThat(trades).extracting(TradeRecord::outcome).containsExactly(Outcome.TARGET, Outcome.TARGET,
                Outcome.STOP, Outcome.TARGET, Outcome.STOP, Outcome.STOP, Outcome.STOP, Outcome.STOP);
        TradeRecord manual = trades.get(0);
        assertThat(manual.origin()).isEqualTo(Origin.MANUAL);
        assertThat(manual.createdAt()).isEqualTo(Instant.parse("2025-08-22T08:29:04.170757Z"));
        assertThat(manual.triggerTs()).contains(Instant.parse("2025-08-22T09:00:00Z"));
        assertThat(manual.exitTs()).isEqualTo(Instant.parse("2025-08-22T09:00:00Z"));
        assertThat(manual.pnlPct()).isEqualTo(0.6851858761131988);
        assertThat(manual.pnlPctNet()).isEqualTo(0.6051858761131989);
        // pnl_r from the row's own prices: (4355.3875 - 4325.545) / (4377.1644375 - 4355.3875).
        assertThat(manual.pnlR()).isCloseTo((4355.3875 - 4325.545) / (4377.1644375 - 4355.3875),
                org.assertj.core.api.Assertions.within(1e-12));
        TradeRecord stop = trades.get(4);
        assertThat(stop.origin()).isEqualTo(Origin.AUTO);
        assertThat(stop.pnlR()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(stop.createdAt()).isEqualTo(Instant.parse("2025-08-26T16:00:32.638848Z"));

        AnalysisRow analysis = store.read(BackgroundAnalysisFile.SCHEMA).get(0);
        assertThat(analysis.interval()).isEqualTo(Interval.M15);
        assertThat(analysis.timestamp()).isEqualTo(Instant.parse("2025-08-18T03:39:53.291825Z"));
        assertThat(analysis.cvAccuracy()).isEqualTo(0.5048192771084337);

        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the store moved nothing of what the import wrote aside").noneMatch(n -> n.endsWith(".rejected")
                            || n.endsWith(".quarantined"));
        }
    }

    @Test
    void everyRejectedLineIsKeptVerbatimUnderItsReasons() throws IOException {
        new LegacyImport(store).run(legacy);

        assertRejectedVerbatim("setups.csv", 35);
        assertRejectedVerbatim("trade_history.csv", 86);
        String setups = Files.readString(dir.resolve("runs/legacy-import/setups.csv.rejected"));
        assertThat(setups).contains("# 2025-09-01T00:00:00+00:00 line 28: shifted columns (a cell holds another "
                + "column's kind of value): status '20', confidence 'adaptive', entry_buffer_bps 'pending', origin "
                + "'0.8746033480533427'\n");
        assertThat(setups).contains("line 36: confidence above 1", "triggered without trigger_ts");
        String trades = Files.readString(dir.resolve("runs/legacy-import/trade_history.csv.rejected"));
        assertThat(trades).contains("line 2: test or fake row: setup_id 'setup_001'",
                "pnl_pct 8.0 but a long from 45000.0 to 45360.0 is 0.800000 %");
    }

    @Test
    void importingTheSameFolderAgainAddsNothing() throws IOException {
        new LegacyImport(store).run(legacy);
        Map<String, byte[]> first = snapshot();

        ImportReport again = new LegacyImport(store).run(legacy);

        assertThat(snapshot()).allSatisfy((file, bytes) -> assertThat(bytes).as(file).isEqualTo(first.get(file)));
        assertThat(snapshot().keySet()).isEqualTo(first.keySet());
        assertThat(again.file("setups.csv").orElseThrow()).satisfies(f -> {
            assertThat(f.imported()).isZero();
            assertThat(f.alreadyPresent()).isEqualTo(1);
            assertThat(f.rejectedTotal()).isEqualTo(35);
        });
        assertThat(again.file("trade_history.csv").orElseThrow().alreadyPresent()).isEqualTo(8);
        assertThat(again.file("background_analysis.csv").orElseThrow().alreadyPresent()).isEqualTo(1);
    }

    @Test
    void theHeadersColumnOrderDoesNotMatter() throws IOException {
        Path reordered = dir.resolve("reordered");
        Files.createDirectories(reordered);
        for (String file : List.of("setups.csv", "trade_history.csv")) {
            Files.writeString(reordered.resolve(file), reversedColumns(Files.readAllLines(legacy.resolve(file))));
        }
        RunsStore other = new RunsStore(dir.resolve("runs2"), Clock.fixed(NOW, ZoneOffset.UTC));

        ImportReport straight = new LegacyImport(store).run(legacy);
        ImportReport reversed = new LegacyImport(other).run(reordered);

        for (String file : List.of("setups.csv", "trade_history.csv")) {
            assertThat(reversed.file(file).orElseThrow().rejected()).isEqualTo(straight.file(file).orElseThrow().rejected());
            assertThat(Files.readString(dir.resolve("runs2").resolve(file)))
                    .isEqualTo(Files.readString(dir.resolve("runs").resolve(file)));
        }
    }

    /** Each line's fields in reverse order, QUOTE_ALL lines quoted again. */
    private static String reversedColumns(List<String> lines) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            List<String> fields = new java.util.ArrayList<>(org.apache.commons.csv.CSVParser.parse(line,
                    org.apache.commons.csv.CSVFormat.RFC4180).getRecords().get(0).toList());
            java.util.Collections.reverse(fields);
            String quote = line.startsWith("\"") ? "\"" : "";
            out.append(fields.stream().map(f -> quote + f + quote).collect(java.util.stream.Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private void assertRejectedVerbatim(String file, int rejected) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("runs/legacy-import/" + file + ".rejected"));
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).hasSize(rejected);
        assertThat(Files.readAllLines(legacy.resolve(file))).containsAll(rows);
        assertThat(lines.stream().filter(l -> l.startsWith("# 2025-09-01T00:00:00+00:00 line "))).hasSize(rejected);
        assertThat(lines.get(0)).startsWith("# columns of ").endsWith(Files.readAllLines(legacy.resolve(file)).get(0));
    }

    private String firstLine(String file) throws IOException {
        return Files.readAllLines(dir.resolve("runs").resolve(file), StandardCharsets.UTF_8).get(0);
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".lock")).toList()) {
                out.put(dir.resolve("runs").relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
