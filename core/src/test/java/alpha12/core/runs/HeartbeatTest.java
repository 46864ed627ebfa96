package alpha12.core.runs;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {

    private static final Instant NOW = Instant.parse("2025-08-30T06:48:11.087750Z");

    @TempDir
    Path runs;

    private RunsStore store(Instant now) {
        return new RunsStore(runs, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aHeartbeatIsOneUtcIsoTimestampWithoutLineBreak() throws IOException {
        Heartbeat.BACKGROUND_ANALYSIS.write(store(NOW));
        assertThat(Files.readString(runs.resolve("background_analysis_heartbeat.txt")))
                .isEqualTo("2025-08-30T06:48:11.087750+00:00");

        Heartbeat.BACKGROUND_ANALYSIS.write(store(Instant.parse("2024-04-01T00:00:00Z")));
        assertThat(Files.readString(runs.resolve("background_analysis_heartbeat.txt")))
                .isEqualTo("2024-04-01T00:00:00+00:00");
    }

    @Test
    void aHeartbeatFromTheSystemClockHasTheOriginalsShape() {
        RunsStore store = new RunsStore(runs, Clock.systemUTC());
        Heartbeat.TRACKER.write(store);

        assertThat(store.readText("daemon_heartbeat.txt").orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
        assertThat(Heartbeat.TRACKER.read(store)).isPresent();
    }

    @Test
    void readingAHeartbeatAcceptsTheOriginalsLocalOffsetAndIsEmptyWhenMissingOrGarbled() throws IOException {
        RunsStore store = store(NOW);
        assertThat(Heartbeat.TRACKER.read(store)).isEmpty();
        Files.writeString(runs.resolve("daemon_heartbeat.txt"), "2025-08-30T06:48:11.087750+08:00");
        assertThat(Heartbeat.TRACKER.read(store))
                .contains(Instant.parse("2025-08-29T22:48:11.087750Z"));
        Files.writeString(runs.resolve("daemon_heartbeat.txt"), "");
        assertThat(Heartbeat.TRACKER.read(store)).isEmpty();
    }
}
