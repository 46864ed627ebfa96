package alpha12.backgroundanalysis;

import alpha12.core.config.AnalysisSettings;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelMeta;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.ModelUnavailableException;
import alpha12.core.model.publish.Publication;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a freshly analysed timeframe's model replaces the published one: when none is
 * published or it cannot be used — a meta.json this build cannot read, or a model.bin that does not match
 * its checksum — (bootstrap), or when it is older than the interval's maximum age.
 * The performance monitor asks separately.
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ModelStore models;
    private final AnalysisSettings settings;
    private final Clock clock;

    Publisher(ModelStore models, AnalysisSettings settings, Clock clock) {
        this.models = models;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Publication> due(Timeframe timeframe) {
        ModelMeta meta;
        try {
            meta = models.verifiedMeta(timeframe);
        } catch (ModelUnavailableException e) {
            if (e.kind() != ModelUnavailableException.Kind.MISSING) {
                LOG.warn("{}; publishing this cycle's model in its place (bootstrap)", e.getMessage());
            }
            return Optional.of(Publication.bootstrap());
        }
        Instant expires = meta.trainedAt().plus(settings.maxAge(timeframe.interval()));
        return clock.instant().isBefore(expires) ? Optional.empty() : Optional.of(Publication.maxAge());
    }
}
