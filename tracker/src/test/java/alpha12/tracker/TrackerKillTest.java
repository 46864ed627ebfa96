package alpha12.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.CsvKlineSource;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Setup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 the tracker (a separate JVM) at random instants during a busy replay, restart it, and compare
 * with an uninterrupted run: the same trade rows, the same setups, nothing rejected.
 */
class TrackerKillTest {

    @TempDir
    Path dir;

    @Test
    void killedAndRestartedTrackerWritesExactlyTheRowsOfAnUninterruptedRun() throws Exception {
        Path data = TrackerFixtures.csvSource(dir.resolve("data"));
        List<Setup> setups = TrackerFixtures.setups(250, 2000, 21);
        List<Instant> steps = new ArrayList<>();
        for (Instant t = TrackerFixtures.barOpen(300); t.isBefore(TrackerFixtures.barOpen(2400));
                t = t.plus(Duration.ofHours(16))) {
            steps.add(t.plus(Duration.ofHours(16)));
        }

        RunsStore reference = new RunsStore(dir.resolve("reference"), Clock.systemUTC());
        reference.append(SetupsFile.SCHEMA, setups);
        CsvKlineSource source = new CsvKlineSource(data);
        for (Instant step : steps) {
            new TrackerCycle(new RunsStore(reference.dir(), Clock.fixed(step, ZoneOffset.UTC)), source,
                    Clock.fixed(step, ZoneOffset.UTC), 4.0).poll();
        }

        Path runs = dir.resolve("killed");
        RunsStore killed = new RunsStore(runs, Clock.systemUTC());
        killed.append(SetupsFile.SCHEMA, setups);
        Random random = new Random(42);
        int kills = 0;
        for (Instant step : steps) {
            // A --once run takes ~0.6 s here (JVM start included): a kill within 0.1-0.7 s mostly lands during
            // start-up or the cycle's reads and writes, sometimes after it finished.
            while (random.nextDouble() < 0.6) {
                Process p = start(data, runs, step);
                if (!p.waitFor(100 + random.nextInt(600), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    kills++;
                }
            }
            Process p = start(data, runs, step);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }

        assertThat(kills).isGreaterThanOrEqualTo(3);
        assertThat(Files.readString(runs.resolve(TradeHistoryFile.NAME)))
                .isEqualTo(Files.readString(reference.resolve(TradeHistoryFile.NAME)));
        assertThat(reference.read(TradeHistoryFile.SCHEMA)).hasSizeGreaterThan(150);
        assertThat(TrackerCycleTest.withoutProcessingTime(killed.read(SetupsFile.SCHEMA)))
                .isEqualTo(TrackerCycleTest.withoutProcessingTime(reference.read(SetupsFile.SCHEMA)));
        try (Stream<Path> files = Files.list(runs)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".rejected") || name.endsWith(".quarantined"));
        }
    }

    private Process start(Path data, Path runs, Instant now) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                TrackerMain.class.getName(), "--once", "--source", "csv:" + data, "--runs-dir", runs.toString(),
                "--now", now.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("ALPHA12_"));
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("tracker.log").toFile()));
        return pb.start();
    }
}
