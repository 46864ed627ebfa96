package alpha12.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Timeframe;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.DaemonRun;
import alpha12.core.testing.OriginalRuns;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker, run in process as its jar's main runs it, on the damaged runs/ files the original produced
 * in production: a logged quarantine or one warning line, then it carries on — never a stack trace, never
 * a lost row.
 */
class TrackerBadInputTest {

    @TempDir
    Path dir;

    private Path runs;
    private Path env;

    @BeforeEach
    void setUp() throws IOException {
        runs = Files.createDirectories(dir.resolve("runs"));
        env = Files.writeString(dir.resolve("test.env"), "ALPHA12_SLEEP=900\nALPHA12_LOG_DIR=" + dir.resolve("logs")
                + "\n");
    }

    private DaemonRun tracker(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--source", "sample", "--runs-dir", runs.toString(),
                "--env-file", env.toString())).toArray(String[]::new);
        DaemonRun run = DaemonRun.run(TrackerMain.PROGRAM, new TrackerMain(), dir.resolve("logs"), all);
        assertThat(run.stackTraceLines()).as("stack trace lines").isEmpty();
        return run;
    }

    private RunsStore store() {
        return new RunsStore(runs, Clock.systemUTC());
    }

    @Test
    void aZeroByteSetupsFileIsAnEmptyListNotAnError() throws IOException {
        Files.write(runs.resolve(SetupsFile.NAME), new byte[0]);

        DaemonRun poll = tracker("--once", "--now", "2024-03-01T00:00:00Z");
        assertThat(poll.exit()).isZero();
        assertThat(poll.logLines("WARN")).isEmpty();
        assertThat(poll.logLines("ERROR")).isEmpty();

        assertThat(tracker("list").out()).contains("Active setups (0)");
        DaemonRun cancel = tracker("cancel", "AUTO-BTCUSDT-4h-20240301_000000");
        assertThat(cancel.exit()).isEqualTo(1);
        assertThat(cancel.err().lines()).singleElement().asString()
                .startsWith("alpha12-tracker cancel: no setup with id or unique_id 'AUTO-BTCUSDT-4h-20240301_000000'");
    }

    @Test
    void rowsCutMidLineAreSetAsideVerbatimAndTheRestIsTracked() throws IOException {
        List<Setup> setups = TrackerFixtures.setups(3, 200, 5);
        store().append(SetupsFile.SCHEMA, setups);
        Path file = runs.resolve(SetupsFile.NAME);
        String text = Files.readString(file);
        String lastLine = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
        String fragment = lastLine.substring(0, lastLine.length() / 2);
        Files.writeString(file, text.substring(0, text.length() - lastLine.length() - 1) + fragment);
        Files.writeString(runs.resolve(TradeHistoryFile.NAME), TradeHistoryFile.SCHEMA.header() + "\nAUTO-BTC");

        DaemonRun poll = tracker("--once", "--now", TrackerFixtures.barOpen(900).toString());

        assertThat(poll.exit()).isZero();
        assertThat(poll.logLines("WARN")).anySatisfy(w -> assertThat(w).contains("setups.csv: moved 1 untrusted "
                + "line(s) to setups.csv.rejected (first at line 4: incomplete last line (its writer was interrupted))"));
        assertThat(poll.logLines("WARN")).anySatisfy(w -> assertThat(w).contains("trade_history.csv: moved 1 "
                + "untrusted line(s) to trade_history.csv.rejected"));
        assertThat(Files.readString(runs.resolve("setups.csv.rejected"))).endsWith("\n" + fragment + "\n");
        assertThat(Files.readString(runs.resolve("trade_history.csv.rejected"))).endsWith("\nAUTO-BTC\n");
        List<Setup> after = store().read(SetupsFile.SCHEMA);
        assertThat(after).extracting(Setup::id).containsExactly(setups.get(0).id(), setups.get(1).id());
        assertThat(after).as("both replayed for 600 bars").noneMatch(s -> s.lifecycle().status() == SetupStatus.PENDING
                && s.lifecycle().expiresAt().isBefore(TrackerFixtures.barOpen(900)));
    }

    @Test
    void theOriginalsFilesDroppedIntoRunsAreMovedAsideWholeAndLogged() throws IOException {
        OriginalRuns.copy(runs, OriginalRuns.SETUPS, OriginalRuns.TRADE_HISTORY);

        DaemonRun poll = tracker("--once", "--now", "2025-09-01T00:00:00Z");

        assertThat(poll.exit()).isZero();
        assertThat(poll.logLines("ERROR")).hasSize(2).allSatisfy(e -> assertThat(e)
                .contains("its header is not this file's schema, so the whole file was moved, unchanged, to"));
        for (String file : List.of(OriginalRuns.SETUPS, OriginalRuns.TRADE_HISTORY)) {
            try (Stream<Path> files = Files.list(runs)) {
                Path aside = files.filter(p -> p.getFileName().toString().startsWith(file + ".")
                        && p.getFileName().toString().endsWith(".quarantined")).findFirst().orElseThrow();
                assertThat(Files.readAllBytes(aside)).as(file).isEqualTo(OriginalRuns.bytes(file));
            }
        }
        assertThat(store().read(SetupsFile.SCHEMA)).isEmpty();
    }

    @Test
    void aSetupOnASymbolTheSourceDoesNotKnowWarnsEachPollAndIsKeptWhileTheOthersAreTracked() throws IOException {
        List<Setup> setups = TrackerFixtures.setups(2, 100, 9);
        Setup foo = setups.get(0);
        Setup unknown = new Setup("AUTO-FOOUSDT-5m-20240101_000000", "AUTO-FOOUSDT-5m-LONG-20240101-0000",
                new Timeframe("FOOUSDT", foo.timeframe().interval()), foo.direction(), foo.confidence(), foo.origin(),
                foo.levels(), foo.sizing(), foo.trigger(), foo.lifecycle());
        store().append(SetupsFile.SCHEMA, List.of(unknown, setups.get(0), setups.get(1)));
        Instant from = TrackerFixtures.barOpen(500);

        DaemonRun replay = tracker("--now", from.toString(), "--replay-to", from.plus(Duration.ofMinutes(45)).toString());

        assertThat(replay.exit()).isZero();
        assertThat(replay.logLines("WARN")).hasSizeGreaterThanOrEqualTo(3).allSatisfy(w -> assertThat(w)
                .contains("FOOUSDT 5m: cannot replay 1 setup(s) this poll: sample: the bundled sample has only "
                        + "BTCUSDT klines, not FOOUSDT"));
        List<Setup> after = store().read(SetupsFile.SCHEMA);
        assertThat(after.get(0)).isEqualTo(unknown);
        assertThat(after.subList(1, 3))
                .allSatisfy(s -> assertThat(s.lifecycle().status()).isNotEqualTo(SetupStatus.PENDING));
        assertThat(new String(Files.readAllBytes(runs.resolve(SetupsFile.NAME)), StandardCharsets.UTF_8).lines())
                .hasSize(4);
    }
}
