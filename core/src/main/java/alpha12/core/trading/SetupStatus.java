package alpha12.core.trading;

import java.util.Arrays;
import java.util.Optional;

/** Where a setup is in its life: pending, triggered, or one of the final states. */
public enum SetupStatus {
    PENDING("pending"),
    TRIGGERED("triggered"),
    TARGET("target"),
    STOP("stop"),
    TIMEOUT("timeout"),
    EXPIRED("expired"),
    CANCELLED("cancelled");

    private final String code;

    SetupStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Pending or triggered: the tracker still follows it. */
    public boolean isActive() {
        return this == PENDING || this == TRIGGERED;
    }

    public static Optional<SetupStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
