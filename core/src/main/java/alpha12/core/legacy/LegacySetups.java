package alpha12.core.legacy;

import static alpha12.core.legacy.CellKind.DIRECTION;
import static alpha12.core.legacy.CellKind.INTERVAL;
import static alpha12.core.legacy.CellKind.NUMBER;
import static alpha12.core.legacy.CellKind.SYMBOL;
import static alpha12.core.legacy.CellKind.TEXT;
import static alpha12.core.legacy.CellKind.TIME;
import static alpha12.core.legacy.CellKind.TRIGGER_RULE;
import static alpha12.core.legacy.CellKind.WHOLE;
import static alpha12.core.legacy.CellKind.WORD;
import static alpha12.core.legacy.LegacyColumn.optional;
import static alpha12.core.legacy.LegacyColumn.required;

import alpha12.core.market.Interval;
import alpha12.core.runs.SetupsFile;
import alpha12.core.store.Timestamps;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of the original's setups.csv as {@link Setup}s. Every version of its header is read by column name:
 * the tracker's 22 columns, autosignal's (with valid_bars, without trigger_ts) and the older 18/19-column
 * ones. Statuses map as the original used them: {@code executed} (a person confirmed the setup, the tracker
 * still waited for its trigger) is pending; {@code manual_exit} (closed by hand at a market price) has no
 * equivalent, since this system records a person's decision only as a zero-pnl cancellation.
 */
final class LegacySetups {

    static final String FILE = SetupsFile.NAME;

    static final List<LegacyColumn> COLUMNS = List.of(
            required("id", TEXT), optional("unique_id", TEXT), required("asset", SYMBOL),
            required("interval", INTERVAL), required("direction", DIRECTION), required("entry", NUMBER),
            required("stop", NUMBER), required("target", NUMBER), required("rr", NUMBER),
            required("size_units", NUMBER), required("notional_usd", NUMBER), required("leverage", NUMBER),
            required("created_at", TIME), required("expires_at", TIME), required("status", WORD),
            required("confidence", NUMBER), required("trigger_rule", TRIGGER_RULE),
            required("entry_buffer_bps", NUMBER), required("origin", WORD), optional("triggered_at", TIME),
            optional("trigger_price", NUMBER), optional("trigger_ts", TIME), optional("valid_bars", WHOLE));

    private static final Map<String, SetupStatus> STATUSES = Map.of(
            "pending", SetupStatus.PENDING, "executed", SetupStatus.PENDING, "triggered", SetupStatus.TRIGGERED,
            "target", SetupStatus.TARGET, "stop", SetupStatus.STOP, "timeout", SetupStatus.TIMEOUT,
            "expired", SetupStatus.EXPIRED, "cancelled", SetupStatus.CANCELLED);

    private final RepairStamps stamps;
    /** unique_ids the file gives to more than one setup (the repair pass invented them); such setups get their id. */
    private final Set<String> sharedUniqueIds;
    /** The status each setup ended with according to the trade rows being imported. */
    private final Map<String, SetupStatus> tradeStatuses;

    LegacySetups(RepairStamps stamps, Set<String> sharedUniqueIds, Map<String, SetupStatus> tradeStatuses) {
        this.stamps = stamps;
        this.sharedUniqueIds = sharedUniqueIds;
        this.tradeStatuses = tradeStatuses;
    }

    Conversion<Setup> convert(LegacyRow r) {
        String id = r.cell("id");
        Optional<Problem> structure = r.structureProblem(COLUMNS);
        if (structure.isPresent()) {
            return Conversion.rejected(r.line(), id, structure.get());
        }
        List<Problem> problems = new ArrayList<>();
        RowChecks.production(r, "id", problems);
        RowChecks.geometry(r, problems);
        Optional<Instant> created = RowChecks.createdAt(r, names(r, sharedUniqueIds), stamps, problems);
        Optional<Instant> triggeredAt = RowChecks.instant(r, "triggered_at", problems);
        Optional<Instant> triggerTs = RowChecks.instant(r, "trigger_ts", problems);
        Optional<SetupStatus> status = status(r, problems);
        RowChecks.confidence(r, problems);
        Optional<Validity> validity = created.flatMap(c -> validity(r, c, problems));
        if (status.isPresent() && status.get() == SetupStatus.TRIGGERED && triggerTs.isEmpty()) {
            problems.add(new Problem(RejectReason.UNTRACKABLE, "status triggered but trigger_ts is empty, so its "
                    + "trade cannot be followed (triggered_at is when the original noticed, not the bar)"));
        }
        // the dashboard wrote a setup's unique_id as its trade row's setup_id
        SetupStatus traded = tradeStatuses.getOrDefault(id,
                ownUniqueId(r, sharedUniqueIds).map(tradeStatuses::get).orElse(null));
        if (status.isPresent() && traded != null && traded != status.get()) {
            problems.add(new Problem(RejectReason.CONFLICT, "status " + r.cell("status") + " but its trade row "
                    + "says " + traded + " (the trade row, written once when it happened, is kept)"));
        }
        if (!problems.isEmpty()) {
            return Conversion.rejected(r.line(), id, problems);
        }
        Map<String, String> cells = new HashMap<>();
        for (LegacyColumn c : COLUMNS) {
            cells.put(c.name(), r.cell(c.name()));
        }
        cells.put("unique_id", ownUniqueId(r, sharedUniqueIds).orElse(id));
        cells.put("created_at", Timestamps.format(created.orElseThrow()));
        cells.put("expires_at", Timestamps.format(validity.orElseThrow().expiresAt()));
        cells.put("valid_bars", Integer.toString(validity.get().bars()));
        cells.put("status", status.orElseThrow().code());
        cells.put("origin", r.has("origin") ? r.cell("origin") : LegacyIds.origin(id).code());
        cells.put("triggered_at", RowChecks.text(triggeredAt));
        cells.put("trigger_ts", RowChecks.text(triggerTs));
        return Conversion.read(r.line(), id, SetupsFile.SCHEMA, cells);
    }

    /** The names a setup goes by: its id, and its unique_id unless the repair pass gave that to several setups. */
    static Set<String> names(LegacyRow r, Set<String> sharedUniqueIds) {
        return ownUniqueId(r, sharedUniqueIds).map(u -> Set.of(r.cell("id"), u)).orElse(Set.of(r.cell("id")));
    }

    /** The row's unique_id when it names this setup alone (not empty, not its id, not shared). */
    private static Optional<String> ownUniqueId(LegacyRow r, Set<String> sharedUniqueIds) {
        String uniqueId = r.cell("unique_id");
        return uniqueId.isEmpty() || uniqueId.equals(r.cell("id")) || sharedUniqueIds.contains(uniqueId)
                ? Optional.empty() : Optional.of(uniqueId);
    }

    private static Optional<SetupStatus> status(LegacyRow r, List<Problem> problems) {
        String s = r.cell("status");
        SetupStatus mapped = STATUSES.get(s);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        problems.add(s.equals("manual_exit")
                ? new Problem(RejectReason.NO_EQUIVALENT, "status manual_exit: closed by hand at a market price, "
                        + "which this system cannot record without inventing that price's pnl as a cancellation's 0")
                : new Problem(RejectReason.UNKNOWN_STATUS, "status '" + s + "'"));
        return Optional.empty();
    }

    record Validity(Instant expiresAt, int bars) {
    }

    /**
     * The expiry and validity in bars: expires_at as written (a naive one is Malaysian time, where the original
     * stripped the offset), or created_at + valid_bars bars when only valid_bars survived, as the original
     * computed it. With both, they must agree; with neither, the validity is unknown and the row is rejected
     * rather than given VALID_BARS' default (the original's adaptive validity gave other lengths).
     */
    private static Optional<Validity> validity(LegacyRow r, Instant created, List<Problem> problems) {
        Interval interval = Interval.fromCode(r.cell("interval")).orElseThrow();
        Duration bar = Duration.ofMillis(interval.millis());
        Optional<Integer> validBars = r.has("valid_bars") ? Optional.of((int) r.number("valid_bars"))
                : Optional.empty();
        Optional<Instant> expires = expiresAt(r, problems);
        if (!r.has("expires_at")) {
            if (validBars.isEmpty()) {
                problems.add(new Problem(RejectReason.NO_EXPIRY, "expires_at is empty (the original blanked the "
                        + "naive times it could not parse) and so is valid_bars" + (r.hasColumn("valid_bars") ? ""
                        : " (no such column)") + "; VALID_BARS' default would be a guess"));
                return Optional.empty();
            }
            expires = Optional.of(created.plus(bar.multipliedBy(validBars.get())));
        }
        if (expires.isEmpty()) {
            return Optional.empty();
        }
        Duration valid = Duration.between(created, expires.get());
        long bars = Math.round(valid.toMillis() / (double) bar.toMillis());
        boolean whole = Math.abs(valid.minus(bar.multipliedBy(bars)).toMillis()) <= 1000;
        if (bars < 1 || !whole || validBars.isPresent() && validBars.get() != bars) {
            problems.add(new Problem(RejectReason.VALIDITY, "created_at " + r.cell("created_at") + ", expires_at "
                    + r.cell("expires_at") + (validBars.map(b -> ", valid_bars " + b).orElse(""))
                    + ": not a whole, positive number of " + interval + " bars"));
            return Optional.empty();
        }
        return Optional.of(new Validity(expires.get(), (int) bars));
    }

    private static Optional<Instant> expiresAt(LegacyRow r, List<Problem> problems) {
        if (!r.has("expires_at")) {
            return Optional.empty();
        }
        Optional<Instant> withOffset = LegacyTime.withOffset(r.cell("expires_at"));
        if (withOffset.isPresent()) {
            return withOffset;
        }
        return LegacyTime.naive(r.cell("expires_at")).map(t -> t.atZone(LegacyTime.MALAYSIA).toInstant());
    }
}
