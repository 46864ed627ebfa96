package alpha12.core.trading;

import java.time.Instant;

/**
 * How and when a setup ended: at the open time of the bar that ended it (or when a person cancelled it),
 * at {@code price} — the stop, the target, the timeout bar's open — or NaN when nothing was traded.
 */
public record Exit(Outcome outcome, Instant at, double price) {
}
