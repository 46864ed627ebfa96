package alpha12.core.trading;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a setup ended. Target, stop and timeout are trades; expired (never triggered) and cancelled
 * (by a person) are recorded with zero pnl but are not trades.
 */
public enum Outcome {
    TARGET("target"),
    STOP("stop"),
    TIMEOUT("timeout"),
    EXPIRED("expired"),
    CANCELLED("cancelled");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isTrade() {
        return this == TARGET || this == STOP || this == TIMEOUT;
    }

    /** The setup status that records this outcome. */
    public SetupStatus status() {
        return SetupStatus.valueOf(name());
    }

    public static Optional<Outcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
