package alpha12.core.trading;

import java.util.Optional;

/**
 * What autosignal decided about a scored candle: a setup, or blocked by a gate. {@link #code()} is its
 * value in the {@code decision} column of signals.csv.
 */
public sealed interface SignalDecision {

    String SETUP_CODE = "setup";
    String BLOCKED_PREFIX = "blocked:";

    /** {@code setup} or {@code blocked:<gate>}. */
    String code();

    /** The setup the candle made; empty when a gate blocked it. */
    Optional<String> setupId();

    /** Every gate passed and the candle has this setup (new, or the one an earlier run wrote for it). */
    record SetupMade(String id) implements SignalDecision {

        public SetupMade {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a setup decision needs the setup's id");
            }
        }

        @Override
        public String code() {
            return SETUP_CODE;
        }

        @Override
        public Optional<String> setupId() {
            return Optional.of(id);
        }
    }

    /** This gate, the first that failed, blocked the candle. */
    record Blocked(Gate gate) implements SignalDecision {

        @Override
        public String code() {
            return BLOCKED_PREFIX + gate.code();
        }

        @Override
        public Optional<String> setupId() {
            return Optional.empty();
        }
    }

    /** The decision a signals.csv row records; empty when the code and setup id are not one of the two forms. */
    static Optional<SignalDecision> of(String code, Optional<String> setupId) {
        if (code.equals(SETUP_CODE)) {
            return setupId.map(SetupMade::new);
        }
        if (code.startsWith(BLOCKED_PREFIX) && setupId.isEmpty()) {
            return Gate.fromCode(code.substring(BLOCKED_PREFIX.length())).map(Blocked::new);
        }
        return Optional.empty();
    }
}
