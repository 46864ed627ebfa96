package alpha12.core.trading;

import java.util.Optional;

/**
 * The checks a scored candle passes before it becomes a setup, in the order autosignal applies them; the
 * last one makes sure a candle scored twice (a restart) never yields a second setup.
 */
public enum Gate {
    CONFIDENCE("confidence"),
    REGIME("regime"),
    DUPLICATE("duplicate"),
    DAILY_CAP("daily_cap"),
    SAME_CANDLE("same_candle");

    private final String code;

    Gate(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Gate> fromCode(String code) {
        for (Gate g : values()) {
            if (g.code.equals(code)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
