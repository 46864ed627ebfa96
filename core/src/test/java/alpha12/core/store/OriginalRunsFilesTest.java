package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.market.Interval;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.Heartbeat;
import alpha12.core.runs.SetupsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original system's real runs/ files (test resources, see original-runs/SOURCES.md) meet the store. */
class OriginalRunsFilesTest {

    private static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

    @TempDir
    Path runs;

    private RunsStore store() {
        return new RunsStore(runs, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private byte[] copy(String original, String as) throws IOException {
        try (InputStream in = OriginalRunsFilesTest.class.getResourceAsStream("original-runs/" + original)) {
            byte[] bytes = in.readAllBytes();
            Files.write(runs.resolve(as), bytes);
            return bytes;
        }
    }

    @Test
    void theOriginalBackgroundAnalysisRowReadsWithTheSameSchema() throws IOException {
        copy("background_analysis.csv", BackgroundAnalysisFile.NAME);

        List<AnalysisRow> rows = store().read(BackgroundAnalysisFile.SCHEMA);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.interval()).isEqualTo(Interval.M15);
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2025-08-18T03:39:53.291825Z"));
            assertThat(r.cvAccuracy()).isEqualTo(0.5048192771084337);
            assertThat(r.topFeatures()).isEmpty();
            assertThat(r.calibrated()).isTrue();
        });
    }

    @Test
    void theOriginalSetupsFileIsMovedAsideByteForByteAndANewOneStarts() throws IOException {
        byte[] original = copy("setups.csv", SetupsFile.NAME);

        assertThat(store().read(SetupsFile.SCHEMA)).isEmpty();
        store().append(SetupsFile.SCHEMA, RunsStoreCsvTest.setup("AUTO-BTCUSDT-4h-20250901_000000"));

        Path aside = runs.resolve("setups.csv.20250901T000000Z.quarantined");
        assertThat(Files.readAllBytes(aside)).isEqualTo(original);
        assertThat(Files.readAllLines(runs.resolve(SetupsFile.NAME))).hasSize(2).first()
                .isEqualTo(SetupsFile.SCHEMA.header());
        try (Stream<Path> files = Files.list(runs)) {
            assertThat(files.filter(p -> p.toString().endsWith(".rejected"))).isEmpty();
        }
    }

    @Test
    void theZeroByteFileAReaderSawDuringARewriteIsEmpty() throws IOException {
        copy("setups.csv.backup.20250825_130002", SetupsFile.NAME);

        assertThat(store().read(SetupsFile.SCHEMA)).isEmpty();
        store().update(SetupsFile.SCHEMA, rows -> List.of(RunsStoreCsvTest.setup("S1")));

        assertThat(store().read(SetupsFile.SCHEMA)).extracting(s -> s.id()).containsExactly("S1");
    }

    @Test
    void theOriginalTrackerHeartbeatIsReadAsAnInstant() throws IOException {
        copy("daemon_heartbeat.txt", "daemon_heartbeat.txt");

        assertThat(Heartbeat.TRACKER.read(store()))
                .contains(Instant.parse("2025-08-29T22:48:11.087750Z"));
    }
}
