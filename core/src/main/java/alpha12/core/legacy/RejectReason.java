package alpha12.core.legacy;

/**
 * Why a row of the original system's files was not imported. A row may have several; the import summary
 * counts each rejected row under its first, in this order.
 */
public enum RejectReason {
    UNREADABLE("not a CSV line"),
    FIELD_COUNT("wrong field count (written under another header)"),
    SHIFTED("shifted columns (a cell holds another column's kind of value)"),
    TEST_ROW("test or fake row"),
    IMPOSSIBLE("impossible values"),
    NO_CREATED_AT("empty created_at"),
    ZONE_UNKNOWN("timestamp without a UTC offset whose zone is unknown"),
    REPAIR_STAMPED("created_at stamped by the original's repair pass, not the creation time"),
    NO_EQUIVALENT("status with no equivalent here (manual_exit)"),
    UNKNOWN_STATUS("status or outcome the original never wrote"),
    CONFIDENCE_ABOVE_ONE("confidence above 1 (the original multiplied it by uncapped weights)"),
    NO_EXPIRY("empty expires_at and no valid_bars (validity unknown)"),
    VALIDITY("expires_at, created_at and valid_bars disagree"),
    UNTRACKABLE("triggered without trigger_ts (fill bar unknown)"),
    CONFLICT("disagrees with trade_history.csv about the same setup"),
    DUPLICATE("the same id on several lines with different values"),
    INVALID("a value this system's schema refuses"),
    ID_TAKEN("runs/ already holds a different row with this id");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The reason in words, as the summary prints it. */
    public String label() {
        return label;
    }
}
