package alpha12.core.trading;

import java.util.Optional;

/** Who created a setup: autosignal, or a person (setups imported from the original system). */
public enum Origin {
    AUTO("auto"),
    MANUAL("manual");

    private final String code;

    Origin(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Origin> fromCode(String code) {
        return switch (code) {
            case "auto" -> Optional.of(AUTO);
            case "manual" -> Optional.of(MANUAL);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
