package alpha12.core.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's decisions where the original's files are ambiguous, one small legacy folder per case. */
class LegacyRowDecisionsTest {

    static final String SETUP_COLUMNS = "id,unique_id,asset,interval,direction,entry,stop,target,rr,size_units,"
            + "notional_usd,leverage,created_at,expires_at,status,confidence,trigger_rule,entry_buffer_bps,origin,"
            + "triggered_at,trigger_price,trigger_ts";
    static final String TRADE_COLUMNS = "setup_id,asset,interval,direction,created_at,trigger_ts,entry,stop,target,"
            + "exit_ts,exit_price,outcome,pnl_pct,pnl_pct_net,rr_planned,confidence,size_units,notional_usd,leverage,"
            + "fees_bps_per_side,price_at_trigger,trigger_rule,entry_buffer_bps";

    /** A short on BTCUSDT 1h as the original's autosignal wrote it: Malaysian times, stop 1 % above, RR 1.8. */
    static Map<String, String> setup(String id, String created) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String c : SETUP_COLUMNS.split(",")) {
            row.put(c, "");
        }
        row.putAll(Map.of("id", id, "unique_id", id.replace("_", "-") + "-U", "asset", "BTCUSDT", "interval", "1h",
                "direction", "short", "entry", "62000.0", "stop", "62620.0", "target", "60884.0", "rr", "1.8",
                "size_units", "0.016"));
        row.putAll(Map.of("notional_usd", "1000.0", "leverage", "10.0", "created_at", created, "status", "pending",
                "confidence", "0.71", "trigger_rule", "touch", "entry_buffer_bps", "5.0", "origin", "auto"));
        return row;
    }

    /** The trade row of {@link #setup}'s short stopped out on the bar opening at {@code exitBar}. */
    static Map<String, String> stoppedTrade(String id, String created, String triggerBar, String exitBar) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String c : TRADE_COLUMNS.split(",")) {
            row.put(c, "");
        }
        row.putAll(Map.of("setup_id", id, "asset", "BTCUSDT", "interval", "1h", "direction", "short", "created_at",
                created, "trigger_ts", triggerBar, "entry", "62000.0", "stop", "62620.0", "target", "60884.0",
                "exit_ts", exitBar));
        row.putAll(Map.of("exit_price", "62620.0", "outcome", "stop", "pnl_pct", "-1.0", "pnl_pct_net", "-1.08",
                "rr_planned", "1.8", "confidence", "0.71", "fees_bps_per_side", "4.0", "trigger_rule", "touch",
                "entry_buffer_bps", "5.0"));
        return row;
    }

    @TempDir
    Path dir;

    private RunsStore store() {
        return new RunsStore(dir.resolve("runs"), Clock.fixed(Instant.parse("2024-03-10T00:00:00Z"), ZoneOffset.UTC));
    }

    private Path legacy(String file, String header, List<Map<String, String>> rows) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("legacy"));
        StringBuilder out = new StringBuilder(header).append('\n');
        for (Map<String, String> row : rows) {
            out.append(String.join(",", Arrays.stream(header.split(",")).map(c -> row.getOrDefault(c, "")).toList()))
                    .append('\n');
        }
        Files.writeString(folder.resolve(file), out);
        return folder;
    }

    private Path setups(List<Map<String, String>> rows) throws IOException {
        return legacy("setups.csv", SETUP_COLUMNS, rows);
    }

    private static Map<String, String> with(Map<String, String> row, String... pairs) {
        Map<String, String> out = new LinkedHashMap<>(row);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private String rejected(String file) throws IOException {
        return Files.readString(dir.resolve("runs/legacy-import/" + file + ".rejected"));
    }

    @Test
    void aNaiveExpiresAtIsMalaysianTimeAndTheValidityItsWholeNumberOfBars() throws IOException {
        Path folder = setups(List.of(with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01T08:00:12.5+08:00"),
                "expires_at", "2024-03-02 08:00:12.500000")));

        new LegacyImport(store()).run(folder);

        Setup s = store().read(SetupsFile.SCHEMA).get(0);
        assertThat(s.lifecycle().createdAt()).isEqualTo(Instant.parse("2024-03-01T00:00:12.5Z"));
        assertThat(s.lifecycle().expiresAt()).isEqualTo(Instant.parse("2024-03-02T00:00:12.5Z"));
        assertThat(s.lifecycle().validBars()).isEqualTo(24);
    }

    @Test
    void withoutExpiresAtTheValidBarsOfAutosignalsSchemaGiveTheExpiryTheOriginalComputed() throws IOException {
        String header = SETUP_COLUMNS.replace(",triggered_at,trigger_price,trigger_ts", ",valid_bars,validity_source");
        Map<String, String> row = with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                "valid_bars", "30", "validity_source", "adaptive");
        Path folder = legacy("setups.csv", header, List.of(row));

        ImportReport report = new LegacyImport(store()).run(folder);

        Setup s = store().read(SetupsFile.SCHEMA).get(0);
        assertThat(s.lifecycle().expiresAt()).isEqualTo(Instant.parse("2024-03-02T06:00:12Z"));
        assertThat(s.lifecycle().validBars()).isEqualTo(30);
        assertThat(report.file("setups.csv").orElseThrow().ignoredColumns()).containsExactly("validity_source");
    }

    @Test
    void validBarsThatDisagreeWithExpiresAtOrANaiveCreatedAtAreRejected() throws IOException {
        String header = SETUP_COLUMNS + ",valid_bars";
        Path folder = legacy("setups.csv", header, List.of(
                with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                        "expires_at", "2024-03-02 08:00:12+08:00", "valid_bars", "20"),
                with(setup("AUTO-BTCUSDT-1h-20240301_090012", "2024-03-01 09:00:12"),
                        "expires_at", "2024-03-02 09:00:12+08:00", "valid_bars", "24")));

        FileReport report = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.VALIDITY, 1),
                Map.entry(RejectReason.ZONE_UNKNOWN, 1));
        assertThat(rejected("setups.csv")).contains("valid_bars 20: not a whole, positive number of 1h bars",
                "created_at '2024-03-01 09:00:12' has no UTC offset");
    }

    @Test
    void executedIsPendingAndActiveSetupsStayActiveButATriggerWithoutItsBarIsRejected() throws IOException {
        String created = "2024-03-01 08:00:12+08:00";
        Map<String, String> base = with(setup("AUTO-BTCUSDT-1h-20240301_080012", created),
                "expires_at", "2024-03-02 08:00:12+08:00");
        Path folder = setups(List.of(
                with(base, "status", "executed"),
                with(base, "id", "AUTO-BTCUSDT-1h-20240301_090012", "unique_id", "U2", "created_at",
                        "2024-03-01 09:00:12+08:00", "expires_at", "2024-03-02 09:00:12+08:00", "status", "triggered",
                        "triggered_at", "2024-03-01 11:00:40+08:00", "trigger_ts", "2024-03-01 11:00:00+08:00"),
                with(base, "id", "AUTO-BTCUSDT-1h-20240301_100012", "unique_id", "U3", "created_at",
                        "2024-03-01 10:00:12+08:00", "expires_at", "2024-03-02 10:00:12+08:00", "status", "triggered",
                        "triggered_at", "2024-03-01 12:00:40+08:00")));

        FileReport report = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.stillActive()).isEqualTo(2);
        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.UNTRACKABLE, 1));
        List<Setup> setups = store().read(SetupsFile.SCHEMA);
        assertThat(setups).extracting(s -> s.lifecycle().status())
                .containsExactly(SetupStatus.PENDING, SetupStatus.TRIGGERED);
        assertThat(setups.get(1).lifecycle().triggerTs()).contains(Instant.parse("2024-03-01T03:00:00Z"));
        assertThat(setups.get(1).lifecycle().triggeredAt()).contains(Instant.parse("2024-03-01T03:00:40Z"));
    }

    @Test
    void aSetupWhoseStatusContradictsItsTradeRowIsRejectedAndTheTradeRowKept() throws IOException {
        String id = "AUTO-BTCUSDT-1h-20240301_080012";
        String created = "2024-03-01 08:00:12+08:00";
        setups(List.of(with(setup(id, created), "expires_at", "2024-03-02 08:00:12+08:00", "status", "target")));
        Path folder = legacy("trade_history.csv", TRADE_COLUMNS, List.of(stoppedTrade(id, created,
                "2024-03-01T10:00:00+08:00", "2024-03-01T12:00:00+08:00")));

        ImportReport report = new LegacyImport(store()).run(folder);

        assertThat(report.file("setups.csv").orElseThrow().rejected()).containsOnly(Map.entry(RejectReason.CONFLICT, 1));
        assertThat(store().read(TradeHistoryFile.SCHEMA)).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.STOP);
            assertThat(t.exitTs()).isEqualTo(Instant.parse("2024-03-01T04:00:00Z"));
            assertThat(t.pnlR()).isEqualTo(-1.0);
        });
        assertThat(rejected("setups.csv")).contains("status target but its trade row says stop");
    }

    @Test
    void aTimeoutThatNeverTriggeredIsAnExpiryAndTradesMustAgreeWithTheirOwnPrices() throws IOException {
        String created = "2024-03-01 08:00:12+08:00";
        Map<String, String> expired = with(stoppedTrade("AUTO-BTCUSDT-1h-20240301_080012", created, "",
                "2024-03-02T08:00:00+08:00"), "outcome", "timeout", "exit_price", "61000.5", "pnl_pct", "0.0",
                "pnl_pct_net", "0.0");
        Map<String, String> badNet = with(stoppedTrade("AUTO-BTCUSDT-1h-20240301_090012", "2024-03-01 09:00:12+08:00",
                "2024-03-01T10:00:00+08:00", "2024-03-01T12:00:00+08:00"), "pnl_pct_net", "-1.0");
        Map<String, String> wrongLevel = with(stoppedTrade("AUTO-BTCUSDT-1h-20240301_100012",
                "2024-03-01 10:00:12+08:00", "2024-03-01T11:00:00+08:00", "2024-03-01T12:00:00+08:00"),
                "exit_price", "62700.0", "pnl_pct", "-1.1290322580645162", "pnl_pct_net", "-1.2090322580645162");
        Path folder = legacy("trade_history.csv", TRADE_COLUMNS, List.of(expired, badNet, wrongLevel));

        FileReport report = new LegacyImport(store()).run(folder).file("trade_history.csv").orElseThrow();

        assertThat(store().read(TradeHistoryFile.SCHEMA)).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(t.triggerTs()).isEmpty();
            assertThat(t.pnlR()).isZero();
        });
        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.IMPOSSIBLE, 2));
        assertThat(rejected("trade_history.csv")).contains("pnl_pct_net -1.0 is not pnl_pct -1.0 less 2 × 4.0 bps",
                "outcome stop but exit_price 62700.0 is not its stop 62620.0");
    }

    @Test
    void aRowWhoseIdRunsAlreadyGivesAnotherSetupIsRejectedButAnEarlierImportTrackedSinceIsPresent()
            throws IOException {
        String id = "AUTO-BTCUSDT-1h-20240301_080012";
        Map<String, String> row = with(setup(id, "2024-03-01 08:00:12+08:00"), "expires_at", "2024-03-02 08:00:12+08:00");
        Path folder = setups(List.of(row));
        new LegacyImport(store()).run(folder);
        store().update(SetupsFile.SCHEMA, rows -> rows.stream().map(s -> s.withStatus(SetupStatus.EXPIRED)).toList());

        FileReport again = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();
        assertThat(again.alreadyPresent()).isEqualTo(1);
        assertThat(again.rejectedTotal()).isZero();

        setups(List.of(with(row, "entry", "61990.0")));
        FileReport other = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();
        assertThat(other.rejected()).containsOnly(Map.entry(RejectReason.ID_TAKEN, 1));
        assertThat(store().read(SetupsFile.SCHEMA)).singleElement().extracting(s -> s.levels().entry())
                .isEqualTo(62000.0);
    }

    @Test
    void aRepeatedLineCountsOnceButTwoDifferentRowsForOneIdAreBothRejected() throws IOException {
        Map<String, String> a = with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                "expires_at", "2024-03-02 08:00:12+08:00");
        Map<String, String> b = with(setup("AUTO-BTCUSDT-1h-20240301_090012", "2024-03-01 09:00:12+08:00"),
                "expires_at", "2024-03-02 09:00:12+08:00");
        Path folder = setups(List.of(a, a, b, with(b, "status", "cancelled")));

        FileReport report = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();

        assertThat(report.read()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.alreadyPresent()).isEqualTo(1);
        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.DUPLICATE, 2));
        assertThat(rejected("setups.csv")).contains("'AUTO-BTCUSDT-1h-20240301_090012' is on lines 4, 5 with different values");
    }

    @Test
    void wordsTheOriginalNeverWroteAndImpossiblePricesAreRejected() throws IOException {
        Map<String, String> base = with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                "expires_at", "2024-03-02 08:00:12+08:00");
        Path folder = setups(List.of(with(base, "status", "superseded"),
                with(base, "id", "AUTO-BTCUSDT-1h-20240301_090012", "unique_id", "U2", "created_at",
                        "2024-03-01 09:00:12+08:00", "expires_at", "2024-03-02 09:00:12+08:00", "stop", "61000.0")));

        FileReport report = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();

        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.UNKNOWN_STATUS, 1),
                Map.entry(RejectReason.IMPOSSIBLE, 1));
        assertThat(rejected("setups.csv")).contains("a short with entry 62000.0, stop 61000.0 and target 60884.0");
    }

    @Test
    void missingEmptyAndHeaderlessFilesAreReportedAndNothingOfAnUnusableFileIsImported() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("legacy"));
        Files.write(folder.resolve("setups.csv"), new byte[0]);
        Files.writeString(folder.resolve("trade_history.csv"), "setup_id,asset,interval\nX,BTCUSDT,1h\n");

        ImportReport report = new LegacyImport(store()).run(folder);

        assertThat(report.file("setups.csv").orElseThrow().state()).isEqualTo(FileReport.State.EMPTY);
        FileReport trades = report.file("trade_history.csv").orElseThrow();
        assertThat(trades.state()).isEqualTo(FileReport.State.UNUSABLE);
        assertThat(trades.note()).startsWith("not imported: its header lacks direction, created_at, trigger_ts")
                .contains("accepted: a header naming setup_id,asset,interval,direction,");
        assertThat(report.file("background_analysis.csv").orElseThrow().state())
                .isEqualTo(FileReport.State.NOT_FOUND);
        assertThat(report.complete()).isFalse();
        assertThat(report.lines()).contains("setups.csv: empty (0 bytes), nothing to import");
        assertThat(dir.resolve("runs/trade_history.csv")).doesNotExist();
    }

    @Test
    void aLineThatIsNotCsvIsRejectedVerbatimWithoutTouchingTheNext() throws IOException {
        Map<String, String> ok = with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                "expires_at", "2024-03-02 08:00:12+08:00");
        Path folder = setups(List.of(ok));
        String good = Files.readAllLines(folder.resolve("setups.csv")).get(1);
        Files.writeString(folder.resolve("setups.csv"), SETUP_COLUMNS + "\n\"AUTO-BTCUSDT-1h-2024,broken\n" + good + "\n");

        FileReport report = new LegacyImport(store()).run(folder).file("setups.csv").orElseThrow();

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).containsOnly(Map.entry(RejectReason.UNREADABLE, 1));
        assertThat(rejected("setups.csv")).contains("\n\"AUTO-BTCUSDT-1h-2024,broken\n");
        assertThat(store().read(SetupsFile.SCHEMA)).extracting(Setup::id).containsExactly("AUTO-BTCUSDT-1h-20240301_080012");
    }

    @Test
    void aUniqueIdThatIsTheIdOrSharedByOtherSetupsBecomesTheId() throws IOException {
        Map<String, String> a = with(setup("AUTO-BTCUSDT-1h-20240301_080012", "2024-03-01 08:00:12+08:00"),
                "expires_at", "2024-03-02 08:00:12+08:00", "unique_id", "AUTO-BTCUSDT-1h-20240301_080012");
        Map<String, String> b = with(setup("AUTO-BTCUSDT-1h-20240301_090012", "2024-03-01 09:00:12+08:00"),
                "expires_at", "2024-03-02 09:00:12+08:00", "unique_id", "BTCUSDT-1h-SHORT-20240302-1316");
        Map<String, String> c = with(setup("AUTO-BTCUSDT-1h-20240301_100012", "2024-03-01 10:00:12+08:00"),
                "expires_at", "2024-03-02 10:00:12+08:00", "unique_id", "BTCUSDT-1h-SHORT-20240302-1316");
        Map<String, String> d = with(setup("AUTO-BTCUSDT-1h-20240301_110012", "2024-03-01 11:00:12+08:00"),
                "expires_at", "2024-03-02 11:00:12+08:00", "unique_id", "AUTO-BTCUSDT-1h-SHORT-20240301-1100");
        Path folder = setups(List.of(a, b, c, d));

        new LegacyImport(store()).run(folder);

        assertThat(store().read(SetupsFile.SCHEMA)).extracting(Setup::uniqueId).containsExactly(
                "AUTO-BTCUSDT-1h-20240301_080012", "AUTO-BTCUSDT-1h-20240301_090012", "AUTO-BTCUSDT-1h-20240301_100012",
                "AUTO-BTCUSDT-1h-SHORT-20240301-1100");
    }
}
