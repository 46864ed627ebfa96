package alpha12.core.model.publish;

/**
 * Why a model is published and, for {@link PublishReason#PERFORMANCE_DEGRADATION}, the live win rate and
 * profit factor that triggered it (NaN otherwise; written as null).
 */
public record Publication(PublishReason reason, double winRate, double profitFactor) {

    public Publication {
        if (reason == null) {
            throw new IllegalArgumentException("a publication needs a reason");
        }
        if (reason == PublishReason.PERFORMANCE_DEGRADATION && Double.isNaN(winRate) && Double.isNaN(profitFactor)) {
            throw new IllegalArgumentException("a performance_degradation publication needs the live win rate "
                    + "or profit factor that triggered it");
        }
    }

    public static Publication bootstrap() {
        return new Publication(PublishReason.BOOTSTRAP, Double.NaN, Double.NaN);
    }

    public static Publication maxAge() {
        return new Publication(PublishReason.MAX_AGE, Double.NaN, Double.NaN);
    }

    public static Publication manual() {
        return new Publication(PublishReason.MANUAL, Double.NaN, Double.NaN);
    }

    public static Publication performanceDegradation(double winRate, double profitFactor) {
        return new Publication(PublishReason.PERFORMANCE_DEGRADATION, winRate, profitFactor);
    }
}
