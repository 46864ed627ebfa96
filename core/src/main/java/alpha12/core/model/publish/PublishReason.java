package alpha12.core.model.publish;

import java.util.Arrays;

/** Why a model was published. */
public enum PublishReason {
    /** No usable model existed (none yet, or the one found could not be loaded). */
    BOOTSTRAP("bootstrap"),
    /** The published model grew older than its timeframe's maximum age. */
    MAX_AGE("max_age"),
    /** Live win rate or profit factor fell below the timeframe's thresholds. */
    PERFORMANCE_DEGRADATION("performance_degradation"),
    /** A user asked for it ({@code train} command). */
    MANUAL("manual");

    private final String code;

    PublishReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PublishReason fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown publish reason '" + code
                        + "'; one of bootstrap, max_age, performance_degradation, manual"));
    }

    @Override
    public String toString() {
        return code;
    }
}
