package alpha12.core.legacy;

import alpha12.core.market.Interval;
import alpha12.core.store.Cells;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What kind of value a column of the original's files holds. A non-empty cell of another kind means the
 * row's cells do not sit under their own header (a shifted row): {@code status="20"} is a valid_bars,
 * {@code confidence="adaptive"} a validity_source.
 */
enum CellKind {
    TEXT(s -> true),
    SYMBOL(Pattern.compile("[A-Z0-9]{2,30}").asMatchPredicate()),
    NUMBER(s -> Cells.isDecimal(s) || s.equals("inf") || s.equals("-inf")),
    WHOLE(s -> Cells.isDecimal(s) && Double.parseDouble(s) == Math.rint(Double.parseDouble(s))),
    TIME(LegacyTime::isTimestamp),
    DIRECTION(s -> s.equals("long") || s.equals("short")),
    INTERVAL(s -> Interval.fromCode(s).isPresent()),
    TRIGGER_RULE(s -> s.equals("touch") || s.equals("close-through")),
    /** Statuses, outcomes and origins: lower-case words ({@code manual_exit}). */
    WORD(Pattern.compile("[a-z][a-z_]*").asMatchPredicate());

    private final Predicate<String> accepts;

    CellKind(Predicate<String> accepts) {
        this.accepts = accepts;
    }

    boolean accepts(String cell) {
        return accepts.test(cell);
    }
}
