package alpha12.core.trading;

import java.util.Arrays;
import java.util.Optional;

/**
 * When a pending setup's limit entry counts as filled: {@code touch} when the bar reaches the entry;
 * {@code close-through} when it reaches it and closes beyond it by the setup's entry buffer.
 */
public enum TriggerRule {
    TOUCH("touch"),
    CLOSE_THROUGH("close-through");

    private final String code;

    TriggerRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TriggerRule> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
