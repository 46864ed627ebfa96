package alpha12.core.trading;

import java.util.Optional;

/** Long or short. */
public enum Direction {
    LONG("long"),
    SHORT("short");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** +1 for long, -1 for short: the sign of a favourable price move. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    public static Optional<Direction> fromCode(String code) {
        return switch (code) {
            case "long" -> Optional.of(LONG);
            case "short" -> Optional.of(SHORT);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
