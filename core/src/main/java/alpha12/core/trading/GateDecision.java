package alpha12.core.trading;

/** What one gate decided about a candidate setup, and why (the text that goes to the log and signals.csv). */
public record GateDecision(boolean passed, Gate gate, String reason) {

    static GateDecision pass(Gate gate, String reason) {
        return new GateDecision(true, gate, reason);
    }

    static GateDecision block(Gate gate, String reason) {
        return new GateDecision(false, gate, reason);
    }
}
