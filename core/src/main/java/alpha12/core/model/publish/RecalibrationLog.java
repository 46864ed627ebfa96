package alpha12.core.model.publish;

import alpha12.core.market.Timeframe;
import alpha12.core.store.RunsStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code runs/recalibration_log.json}: per {@code <ASSET>_<INTERVAL>}, the last publication (the seed's
 * keys {@code last_recalibration, trigger_reason, model_path, meta_path}, plus the version folder and the
 * live win rate and profit factor that triggered it). Read-modify-write under the file's lock, replaced
 * atomically; other keys are kept as they are, and an unreadable file is quarantined by the store.
 */
public final class RecalibrationLog {

    public static final String FILE = "recalibration_log.json";
    private static final Logger LOG = LoggerFactory.getLogger(RecalibrationLog.class);

    /** One model's last publication. */
    public record Entry(Instant lastRecalibration, PublishReason triggerReason, String modelPath,
            String metaPath, String version, double winRate, double profitFactor) {
    }

    private RecalibrationLog() {
    }

    /** The last publication of a model, if the log has a readable entry for it. */
    public static Optional<Entry> last(RunsStore runs, Timeframe timeframe) {
        String key = ModelStore.key(timeframe);
        Optional<JsonNode> entry = runs.readJson(FILE, JsonNode.class).map(root -> root.get(key))
                .filter(node -> node != null && node.isObject());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelJson.MAPPER.treeToValue(entry.get(), Entry.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("{}: entry {} is unreadable ({}); treating it as absent", FILE, key, e.getMessage());
            return Optional.empty();
        }
    }

    static void record(RunsStore runs, String key, PublishedModel published, Publication publication) {
        Entry entry = new Entry(published.meta().trainedAt(), publication.reason(), published.modelFile().toString(),
                published.metaFile().toString(), published.folder().getFileName().toString(), publication.winRate(),
                publication.profitFactor());
        runs.updateJson(FILE, JsonNode.class, current -> {
            ObjectNode root;
            if (current.isPresent() && current.get() instanceof ObjectNode object) {
                root = object;
            } else {
                if (current.isPresent()) {
                    LOG.error("{} is not a JSON object; starting a new one", FILE);
                }
                root = ModelJson.MAPPER.createObjectNode();
            }
            root.set(key, ModelJson.MAPPER.valueToTree(entry));
            return root;
        });
    }
}
