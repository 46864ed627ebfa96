package alpha12.core.model.publish;

/**
 * No usable model for an asset and timeframe; the caller should train and publish one. The message is
 * one line saying which model and why.
 */
public class ModelUnavailableException extends Exception {

    /** What kind of problem it is, for the caller's log and publishing reason. */
    public enum Kind {
        /** Nothing published yet. */
        MISSING,
        /** Written by another format version, for other features, another asset or another label. */
        INCOMPATIBLE,
        /** Truncated, damaged, not a model file, or its two files do not belong together. */
        CORRUPT
    }

    private final Kind kind;

    public ModelUnavailableException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelUnavailableException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
