package alpha12.core.model.calibration;

import java.util.Arrays;
import java.util.Optional;

/** How the forest's out-of-fold probabilities are calibrated. */
public enum CalibrationMethod {
    PLATT("platt"),
    ISOTONIC("isotonic"),
    NONE("none");

    private final String code;

    CalibrationMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CalibrationMethod> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
