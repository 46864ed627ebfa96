package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.testing.LogCapture;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole text files, JSON files and JSON lines. */
class RunsStoreFilesTest {

    private static final Instant NOW = Instant.parse("2025-08-30T06:48:11.087750Z");

    @TempDir
    Path runs;

    private RunsStore store(Instant now) {
        return new RunsStore(runs, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anAtomicRewriteKeepsTheFilesPermissionsAndRemovesTempFilesOfKilledWriters() throws IOException {
        RunsStore store = store(NOW);
        store.writeAtomically("notes.txt", "one");
        Path file = runs.resolve("notes.txt");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path stale = runs.resolve(".notes.txt.0123456789abcdef.tmp");
        Path otherFilesTemp = runs.resolve(".notes.txt.rejected.0123456789abcdef.tmp");
        Files.writeString(stale, "half");
        Files.writeString(otherFilesTemp, "in flight");

        store.writeAtomically("notes.txt", "two");

        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(stale).doesNotExist();
        assertThat(otherFilesTemp).exists();
    }

    @Test
    void appendedTextNeverMergesWithAFragmentLeftAtTheEnd() throws IOException {
        Files.writeString(runs.resolve("log.txt"), "first\nfrag");
        store(NOW).appendText("log.txt", "second\n");

        assertThat(Files.readAllLines(runs.resolve("log.txt"))).containsExactly("first", "frag", "second");
    }

    /** A file the performance monitor might keep: records, a map, times, a NaN. */
    record Metrics(String asset, int totalTrades, double winRate, double profitFactor, Instant calculatedAt) {
    }

    @Test
    void jsonFilesRoundTripRecordsWithTimesAsTimestampStrings() throws IOException {
        RunsStore store = store(NOW);
        Map<String, Metrics> metrics = new TreeMap<>(Map.of(
                "BTCUSDT_1h", new Metrics("BTCUSDT", 31, 0.55, Double.POSITIVE_INFINITY, NOW),
                "ETHUSDT_4h", new Metrics("ETHUSDT", 0, Double.NaN, 1.2, NOW.minusSeconds(3600))));
        TypeReference<Map<String, Metrics>> type = new TypeReference<>() {
        };

        store.writeJson("performance_metrics.json", metrics);

        JsonNode json = new ObjectMapper().readTree(runs.resolve("performance_metrics.json").toFile());
        assertThat(json.get("BTCUSDT_1h").get("calculatedAt").asText()).isEqualTo("2025-08-30T06:48:11.087750+00:00");
        assertThat(Files.readString(runs.resolve("performance_metrics.json"))).startsWith("{\n  \"BTCUSDT_1h\" : {");
        assertThat(store.readJson("performance_metrics.json", type)).contains(metrics);
        assertThat(store.readJson("missing.json", type)).isEmpty();
    }

    @Test
    void updateJsonChangesOneKeyUnderTheLock() {
        RunsStore store = store(NOW);
        TypeReference<Map<String, Instant>> type = new TypeReference<>() {
        };
        store.updateJson("recalibration_log.json", type, current -> {
            assertThat(current).isEmpty();
            return Map.of("BTCUSDT_1h", NOW);
        });
        Map<String, Instant> written = store.updateJson("recalibration_log.json", type, current -> {
            Map<String, Instant> next = new TreeMap<>(current.orElseThrow());
            next.put("ETHUSDT_4h", NOW.plusSeconds(60));
            return next;
        });

        assertThat(store.readJson("recalibration_log.json", type)).contains(written);
        assertThat(written).containsOnlyKeys("BTCUSDT_1h", "ETHUSDT_4h");
    }

    @Test
    void anUnreadableJsonFileIsMovedAsideUnchangedAndReadsAsMissing() throws IOException {
        Files.writeString(runs.resolve("recalibration_log.json"), "{\"BTCUSDT_1h\": {\"last_recal");
        try (LogCapture logs = LogCapture.of(RunsStore.class)) {
            assertThat(store(NOW).readJson("recalibration_log.json", JsonNode.class)).isEmpty();
            assertThat(logs.messages(Level.ERROR)).singleElement().asString()
                    .startsWith("recalibration_log.json: not readable as JsonNode");
        }
        assertThat(runs.resolve("recalibration_log.json")).doesNotExist();
        assertThat(Files.readString(runs.resolve("recalibration_log.json.20250830T064811Z.quarantined")))
                .isEqualTo("{\"BTCUSDT_1h\": {\"last_recal");
    }

    @Test
    void aJsonFileWithAWrongTimeIsMovedAside() throws IOException {
        Files.writeString(runs.resolve("m.json"), "{\"asset\":\"BTCUSDT\",\"calculatedAt\":\"2025-08-20T19:06:10\"}");
        assertThat(store(NOW).readJson("m.json", Metrics.class)).isEmpty();
        assertThat(runs.resolve("m.json.20250830T064811Z.quarantined")).exists();
    }

    @Test
    void anEmptyJsonFileReadsAsMissing() throws IOException {
        Files.writeString(runs.resolve("m.json"), "");
        assertThat(store(NOW).readJson("m.json", Metrics.class)).isEmpty();
        assertThat(runs.resolve("m.json")).exists();
    }

    record Snapshot(String asset, String interval, Instant timestamp, Map<String, Double> features, int target) {
    }

    @Test
    void jsonLinesAppendOneCompactObjectPerLineAndRejectAPartialLastLine() throws IOException {
        RunsStore store = store(NOW);
        String path = "feature_snapshots/BTCUSDT_1h_snapshots.jsonl";
        store.appendJsonLine(path, new Snapshot("BTCUSDT", "1h", NOW, Map.of("rsi_14", 55.5), 1));
        Files.writeString(runs.resolve(path), "{\"asset\":\"BTC", java.nio.file.StandardOpenOption.APPEND);
        store.appendJsonLine(path, new Snapshot("BTCUSDT", "1h", NOW.plusSeconds(300), Map.of(), 0));

        List<String> lines = Files.readAllLines(runs.resolve(path));
        assertThat(lines).containsExactly(
                "{\"asset\":\"BTCUSDT\",\"interval\":\"1h\",\"timestamp\":\"2025-08-30T06:48:11.087750+00:00\","
                        + "\"features\":{\"rsi_14\":55.5},\"target\":1}",
                "{\"asset\":\"BTCUSDT\",\"interval\":\"1h\",\"timestamp\":\"2025-08-30T06:53:11.087750+00:00\","
                        + "\"features\":{},\"target\":0}");
        assertThat(Files.readAllLines(runs.resolve(path + ".rejected"))).containsExactly(
                "# 2025-08-30T06:48:11.087750+00:00 " + CsvFile.INCOMPLETE_LINE, "{\"asset\":\"BTC");
    }

    @Test
    void aValueJacksonCannotWriteFailsWithItsTypeAndWritesNothing() {
        RunsStore store = store(NOW);
        assertThatThrownBy(() -> store.writeJson("x.json", Optional.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot write Optional as JSON");
        assertThat(runs.resolve("x.json")).doesNotExist();
    }

    @Test
    void locksAreFilesBesideTheirFileAndEveryWriteLeavesOnlyItsFiles() throws IOException {
        RunsStore store = store(NOW);
        store.writeJson("a/b.json", Map.of("k", 1));
        store.appendText("a/c.txt", "x\n");
        try (Stream<Path> files = Files.list(runs.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("b.json", "b.json.lock", "c.txt", "c.txt.lock");
        }
    }
}
