package alpha12.autosignal;

import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.LoadedModel;
import alpha12.core.model.publish.ModelMeta;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.ModelUnavailableException;
import alpha12.core.model.publish.Publication;
import alpha12.core.model.TimeframeModel;
import alpha12.core.model.training.TrainingException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published timeframe models autosignal scores with, reloaded whenever a new version is published
 * (its meta.json changes). A model that is missing or cannot be used is trained and published with reason
 * {@code bootstrap}, exactly as the background analysis would.
 */
final class TimeframeModels {

    private static final Logger LOG = LoggerFactory.getLogger(TimeframeModels.class);

    private record Cached(ModelMeta meta, TimeframeModel model) {
    }

    private final ModelStore store;
    private final TimeframeAnalyzer analyzer;
    private final LabelSettings label;
    private final Map<Timeframe, Cached> cache = new HashMap<>();

    TimeframeModels(ModelStore store, TimeframeAnalyzer analyzer, LabelSettings label) {
        this.store = store;
        this.analyzer = analyzer;
        this.label = label;
    }

    TimeframeModel get(Timeframe timeframe) throws TrainingException {
        String key = ModelStore.key(timeframe);
        Cached cached = cache.get(timeframe);
        try {
            ModelMeta meta = store.meta(timeframe);
            if (cached != null && cached.meta().equals(meta)) {
                return cached.model();
            }
            LoadedModel loaded = store.load(timeframe, label);
            cache.put(timeframe, new Cached(loaded.meta(), loaded.model()));
            LOG.info("{}: loaded model trained at {} ({})", key, loaded.meta().trainedAt(),
                    loaded.meta().publication().reason());
            return loaded.model();
        } catch (ModelUnavailableException e) {
            LOG.warn("{}: {}; training one (bootstrap)", key, e.getMessage());
            var analysis = analyzer.analyze(timeframe);
            var published = store.publish(timeframe, analysis.training(), Publication.bootstrap());
            cache.put(timeframe, new Cached(published.meta(), analysis.training().model()));
            return analysis.training().model();
        }
    }
}
