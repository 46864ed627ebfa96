package alpha12.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.DaemonRun;
import alpha12.core.testing.OriginalRuns;
import alpha12.core.testing.TestKlines;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpha12-tracker import-legacy <dir>}, in process, and the tracker reading what it imported. */
class ImportLegacyCommandTest {

    @TempDir
    Path dir;

    private Path runs;
    private Path env;

    @BeforeEach
    void setUp() throws IOException {
        runs = dir.resolve("runs");
        env = Files.writeString(dir.resolve("test.env"), "ALPHA12_LOG_DIR=" + dir.resolve("logs") + "\n");
    }

    private DaemonRun tracker(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--runs-dir", runs.toString(), "--env-file",
                env.toString())).toArray(String[]::new);
        return DaemonRun.run(TrackerMain.PROGRAM, new TrackerMain(), dir.resolve("logs"), all);
    }

    @Test
    void theOriginalsRealFilesImportWithASummaryAndTheTrackerReadsEveryImportedRow() throws IOException {
        Path legacy = OriginalRuns.folder(dir.resolve("original-runs"));

        DaemonRun run = tracker("import-legacy", legacy.toString(), "--now", "2025-09-01T00:00:00Z");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.stackTraceLines()).isEmpty();
        assertThat(run.out().lines()).contains(
                "setups.csv: 36 rows read, 1 imported, 0 already present, 35 rejected",
                "    16 rejected: empty expires_at and no valid_bars (validity unknown)",
                "    12 rejected: created_at stamped by the original's repair pass, not the creation time",
                "trade_history.csv: 94 rows read, 8 imported, 0 already present, 86 rejected",
                "    38 rejected: empty created_at",
                "    17 rejected: wrong field count (written under another header)",
                "background_analysis.csv: 1 rows read, 1 imported, 0 already present, 0 rejected",
                "rejected rows, verbatim with their reasons: " + runs.resolve("legacy-import") + "/<file>.rejected");

        DaemonRun poll = tracker("--once", "--source", "sample");
        assertThat(poll.exit()).isZero();
        assertThat(poll.stackTraceLines()).isEmpty();
        assertThat(poll.logLines("WARN")).isEmpty();
        DaemonRun list = tracker("list", "--source", "sample");
        assertThat(list.out()).contains("Active setups (0)", "Recently ended (1 of 1)", "ETHUSDT-4h-20250821_184414");
        try (Stream<Path> files = Files.list(runs)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".rejected") || n.endsWith(".quarantined"));
        }

        DaemonRun again = tracker("import-legacy", legacy.toString(), "--now", "2025-09-02T00:00:00Z");
        assertThat(again.exit()).isZero();
        assertThat(again.out().lines()).contains(
                "setups.csv: 36 rows read, 0 imported, 1 already present, 35 rejected",
                "trade_history.csv: 94 rows read, 0 imported, 8 already present, 86 rejected");
    }

    /**
     * A setup still pending in the original is followed by this tracker from its created_at: the outcome is
     * the one this system's lifecycle gives on the same bars.
     */
    @Test
    void anImportedPendingSetupIsTrackedToTheOutcomeThisSystemsRulesGive() throws IOException {
        List<Kline> bars = TestKlines.sample(Interval.H1);
        Kline bar = bars.get(bars.size() - 400);
        Instant created = Instant.ofEpochMilli(bar.closeTime() + 1).plusSeconds(12);
        double entry = Math.round(bar.close() * 1.002 * 100) / 100.0;
        double stop = Math.round(entry * 1.01 * 100) / 100.0;
        double target = Math.round((entry - 1.8 * (stop - entry)) * 100) / 100.0;
        DateTimeFormatter myTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT)
                .withZone(ZoneId.of("Asia/Kuala_Lumpur"));
        String id = "AUTO-BTCUSDT-1h-" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneId.of("UTC"))
                .format(created);
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(legacy.resolve("setups.csv"), "id,unique_id,asset,interval,direction,entry,stop,target,rr,"
                + "size_units,notional_usd,leverage,created_at,expires_at,status,confidence,trigger_rule,"
                + "entry_buffer_bps,origin\n" + String.join(",", id, "", "BTCUSDT", "1h", "short",
                Double.toString(entry), Double.toString(stop), Double.toString(target), "1.8", "0.016", "1000.0",
                "10.0", myTime.format(created), myTime.format(created.plusSeconds(24 * 3600)), "pending", "0.7",
                "touch", "5.0", "auto") + "\n");

        DaemonRun imported = tracker("import-legacy", legacy.toString(), "--now", created.plusSeconds(60).toString());
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).contains("setups.csv: 1 rows read, 1 imported",
                "1 imported setup(s) still pending or triggered: the tracker follows them");
        Instant now = created.plusSeconds(3 * 24 * 3600);
        DaemonRun poll = tracker("--once", "--source", "sample", "--now", now.toString());
        assertThat(poll.exit()).isZero();
        assertThat(poll.stackTraceLines()).isEmpty();

        RunsStore store = new RunsStore(runs, Clock.systemUTC());
        Setup before = store.read(SetupsFile.SCHEMA).get(0);
        Progress expected = new SetupLifecycle(TestKlines.sampleSeries(Interval.H1))
                .advance(before.withStatus(alpha12.core.trading.SetupStatus.PENDING), now);
        assertThat(expected.exit()).as("the sample decides the setup within 3 days").isPresent();
        assertThat(before.lifecycle().status()).isEqualTo(expected.setup().lifecycle().status());
        assertThat(store.read(TradeHistoryFile.SCHEMA)).singleElement().satisfies(t -> {
            assertThat(t.setupId()).isEqualTo(id);
            assertThat(t.outcome()).isEqualTo(expected.exit().get().outcome());
            assertThat(t.exitTs()).isEqualTo(expected.exit().get().at());
        });
    }

    @Test
    void aMissingFolderIsAUsageErrorAndTheRunsDirItselfIsRefused() throws IOException {
        DaemonRun missing = tracker("import-legacy", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("DIR " + dir.resolve("nope") + " is not a folder; accepted: the original "
                + "alpha12's runs/ folder");
        assertThat(missing.stackTraceLines()).isEmpty();

        Files.createDirectories(runs);
        DaemonRun same = tracker("import-legacy", runs.toString());
        assertThat(same.exit()).isEqualTo(1);
        assertThat(same.err().lines()).containsExactly("alpha12-tracker import-legacy: " + runs + " is this system's "
                + "runs dir; copy the original's files to another folder and import from there");
        assertThat(same.stackTraceLines()).isEmpty();
    }

    @Test
    void aFileWithoutTheColumnsItNeedsExitsOneNamingThem() throws IOException {
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(legacy.resolve("trade_history.csv"), "setup_id,asset,outcome\nX,BTCUSDT,stop\n");

        DaemonRun run = tracker("import-legacy", legacy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("alpha12-tracker import-legacy: trade_history.csv: not imported: its header lacks interval,");
        assertThat(run.out()).contains("setups.csv: not found in " + legacy + ", skipped");
        assertThat(run.stackTraceLines()).isEmpty();
    }
}
