package alpha12.analysis;

import alpha12.core.config.AnalysisSettings;
import alpha12.core.market.Interval;
import alpha12.core.model.ModelMeta;
import alpha12.core.model.ModelStore;
import alpha12.core.model.ModelUnavailableException;
import alpha12.core.model.Publication;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a freshly analysed timeframe's model replaces the published one: when none is
 * published or it cannot be read (bootstrap), or when it is older than the interval's maximum age.
 * The performance monitor asks separately.
 */
final class Publisher {

    private final ModelStore models;
    private final AnalysisSettings settings;
    private final Clock clock;

    Publisher(ModelStore models, AnalysisSettings settings, Clock clock) {
        this.models = models;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Publication> due(String asset, Interval interval) {
        ModelMeta meta;
        try {
            meta = models.meta(asset, interval);
        } catch (ModelUnavailableException e) {
            return Optional.of(Publication.bootstrap());
        }
        Instant expires = meta.trainedAt().plus(settings.maxAge(interval));
        return clock.instant().isBefore(expires) ? Optional.empty() : Optional.of(Publication.maxAge());
    }
}
