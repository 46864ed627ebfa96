package alpha12.core.runs;

import alpha12.core.market.Interval;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.TriggerRule;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;

/** Readers of the columns several runs/ files share; each refuses a value it cannot trust, saying why. */
final class ColumnValues {

    private ColumnValues() {
    }

    static Interval interval(Row row, String column) throws MalformedRowException {
        String v = row.requiredText(column);
        return Interval.fromCode(v).orElseThrow(() -> new MalformedRowException(column + " is not an interval: '" + v + "'"));
    }

    static Direction direction(Row row, String column) throws MalformedRowException {
        String v = row.requiredText(column);
        return Direction.fromCode(v).orElseThrow(() -> new MalformedRowException(column + " is not long/short: '" + v + "'"));
    }

    static SetupStatus status(Row row) throws MalformedRowException {
        String v = row.requiredText("status");
        return SetupStatus.fromCode(v).orElseThrow(() -> new MalformedRowException("status is not a setup status: '" + v + "'"));
    }

    static Outcome outcome(Row row) throws MalformedRowException {
        String v = row.requiredText("outcome");
        return Outcome.fromCode(v).orElseThrow(() -> new MalformedRowException("outcome is not an outcome: '" + v + "'"));
    }

    static TriggerRule triggerRule(Row row) throws MalformedRowException {
        String v = row.requiredText("trigger_rule");
        return TriggerRule.fromCode(v).orElseThrow(() -> new MalformedRowException("trigger_rule is not touch/close-through: '" + v + "'"));
    }

    static Origin origin(Row row) throws MalformedRowException {
        String v = row.requiredText("origin");
        return Origin.fromCode(v).orElseThrow(() -> new MalformedRowException("origin is not auto/manual: '" + v + "'"));
    }

    static double positive(Row row, String column) throws MalformedRowException {
        double v = row.decimal(column);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new MalformedRowException(column + " must be a positive price: " + v);
        }
        return v;
    }

    static double confidence(Row row) throws MalformedRowException {
        double v = row.decimal("confidence");
        if (v < 0 || v > 1) {
            throw new MalformedRowException("confidence must be in [0, 1]: " + v);
        }
        return v;
    }
}
