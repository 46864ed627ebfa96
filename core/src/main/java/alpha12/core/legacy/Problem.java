package alpha12.core.legacy;

/** One reason a legacy row was rejected, with the row's own values that show it. */
record Problem(RejectReason reason, String detail) {

    @Override
    public String toString() {
        return reason.label() + ": " + detail;
    }
}
