package alpha12.core.runs;

import alpha12.core.market.Interval;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.TriggerRule;
import java.util.Optional;
import java.util.function.Function;

/** Readers of the columns several runs/ files share; each refuses a value it cannot trust, saying why. */
final class ColumnValues {

    private ColumnValues() {
    }

    static Interval interval(Row row, String column) throws MalformedRowException {
        return code(row, column, Interval::fromCode, "an interval");
    }

    static Direction direction(Row row, String column) throws MalformedRowException {
        return code(row, column, Direction::fromCode, "long/short");
    }

    static SetupStatus status(Row row) throws MalformedRowException {
        return code(row, "status", SetupStatus::fromCode, "a setup status");
    }

    static Outcome outcome(Row row) throws MalformedRowException {
        return code(row, "outcome", Outcome::fromCode, "an outcome");
    }

    static TriggerRule triggerRule(Row row) throws MalformedRowException {
        return code(row, "trigger_rule", TriggerRule::fromCode, "touch/close-through");
    }

    static Origin origin(Row row) throws MalformedRowException {
        return code(row, "origin", Origin::fromCode, "auto/manual");
    }

    /** A closed set's value from its CSV code; the error names the column, what it accepts and the value. */
    private static <T> T code(Row row, String column, Function<String, Optional<T>> fromCode, String accepted)
            throws MalformedRowException {
        String v = row.requiredText(column);
        return fromCode.apply(v)
                .orElseThrow(() -> new MalformedRowException(column + " is not " + accepted + ": '" + v + "'"));
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
