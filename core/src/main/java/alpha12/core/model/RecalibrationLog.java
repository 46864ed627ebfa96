package alpha12.core.model;

import alpha12.core.market.Interval;
import alpha12.core.store.RunsStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code runs/recalibration_log.json}: per {@code <ASSET>_<INTERVAL>}, the last publication (the seed's
 * keys {@code last_recalibration, trigger_reason, model_path, meta_path}, plus the version folder and the
 * live win rate and profit factor that triggered it). Updated under the file's lock and replaced
 * atomically; other keys in the file are kept as they are.
 */
public final class RecalibrationLog {

    public static final String FILE = "recalibration_log.json";
    private static final Logger LOG = LoggerFactory.getLogger(RecalibrationLog.class);
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One model's last publication. */
    public record Entry(Instant lastRecalibration, PublishReason triggerReason, String modelPath, String metaPath,
            String version, double winRate, double profitFactor) {
    }

    private RecalibrationLog() {
    }

    /** The last publication of a model, if the log has a readable entry for it. */
    public static Optional<Entry> last(RunsStore runs, String asset, Interval interval) {
        String key = ModelStore.key(asset, interval);
        Optional<String> text = runs.readText(FILE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode entry = ModelJson.MAPPER.readTree(text.get()).get(key);
            if (entry == null || entry.isNull()) {
                return Optional.empty();
            }
            return Optional.of(ModelJson.MAPPER.treeToValue(entry, Entry.class));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{}: entry {} is unreadable ({}); treating it as absent", FILE, key, e.getMessage());
            return Optional.empty();
        }
    }

    static void record(RunsStore runs, String key, PublishedModel published, Publication publication) {
        Path link = published.link();
        Entry entry = new Entry(published.meta().trainedAt(), publication.reason(),
                link.resolve(ModelStore.MODEL_FILE).toString(), link.resolve(ModelStore.META_FILE).toString(),
                published.folder().getFileName().toString(), publication.winRate(), publication.profitFactor());
        runs.locked(FILE, () -> {
            ObjectNode root = current(runs);
            root.set(key, ModelJson.MAPPER.valueToTree(entry));
            try {
                runs.writeAtomically(FILE, ModelJson.MAPPER.writeValueAsBytes(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static ObjectNode current(RunsStore runs) {
        Optional<String> text = runs.readText(FILE);
        if (text.isEmpty() || text.get().isBlank()) {
            return ModelJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode root = ModelJson.MAPPER.readTree(text.get());
            if (root instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // handled below: the file is not ours to repair, keep it aside and start a new one
        }
        Path file = runs.resolve(FILE);
        Path aside = file.resolveSibling(FILE + "." + SUFFIX.format(runs.clock().instant()) + ".quarantined");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable " + file + " aside: " + e.getMessage(), e);
        }
        LOG.error("{} is not a JSON object; moved it to {} and started a new one", FILE, aside.getFileName());
        return ModelJson.MAPPER.createObjectNode();
    }
}
