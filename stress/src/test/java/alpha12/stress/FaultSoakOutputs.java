package alpha12.stress;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineCacheFile;
import alpha12.core.store.RunsStore;
import alpha12.core.store.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** What a soak run left in its runs/ folder, read without changing it. */
final class FaultSoakOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runs;

    FaultSoakOutputs(Path runs) {
        this.runs = runs;
    }

    /** Every file under runs/ whose name says it holds rows set aside as untrustworthy. */
    List<Path> rejectedFiles() {
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(p -> p.getFileName().toString().contains(".rejected")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kline cache of an interval as the daemons' own schema reads it; empty when there is none. */
    List<Kline> cache(Interval interval) {
        var schema = KlineCacheFile.schema("BTCUSDT", interval);
        return Files.exists(runs.resolve(schema.file())) ? new RunsStore(runs, Clock.systemUTC()).read(schema)
                : List.of();
    }

    boolean exists(String file) {
        return Files.exists(runs.resolve(file));
    }

    /** A CSV's rows (values only) whose {@code timeColumn} is at or after {@code from}. */
    List<List<String>> rows(String file, String timeColumn, Instant from) {
        Path path = runs.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord r : csv) {
                if (!Timestamps.parse(r.get(timeColumn)).isBefore(from)) {
                    out.add(r.toList());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON-lines file's lines whose {@code timestamp} is at or after {@code from}. */
    List<String> jsonLines(String file, Instant from) {
        Path path = runs.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!Timestamps.parse(JSON.readTree(line).get("timestamp").asText()).isBefore(from)) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One published model version: its folder name, meta.json and model.bin. */
    record ModelVersion(String name, JsonNode meta, byte[] model) {
    }

    List<ModelVersion> models() {
        Path dir = runs.resolve("timeframe_models");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(dir)) {
            List<ModelVersion> out = new ArrayList<>();
            for (Path v : versions.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).sorted().toList()) {
                out.add(new ModelVersion(v.getFileName().toString(), JSON.readTree(v.resolve("meta.json").toFile()),
                        Files.readAllBytes(v.resolve("model.bin"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version each model link points at, e.g. {@code BTCUSDT_4h -> BTCUSDT_4h.20240330T...}. */
    List<String> currentModels() {
        Path dir = runs.resolve("timeframe_models");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> links = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path link : links.filter(Files::isSymbolicLink).sorted().toList()) {
                out.add(link.getFileName() + " -> " + Files.readSymbolicLink(link));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
