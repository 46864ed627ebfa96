package alpha12.core.legacy;

import static alpha12.core.legacy.CellKind.DIRECTION;
import static alpha12.core.legacy.CellKind.INTERVAL;
import static alpha12.core.legacy.CellKind.NUMBER;
import static alpha12.core.legacy.CellKind.SYMBOL;
import static alpha12.core.legacy.CellKind.TEXT;
import static alpha12.core.legacy.CellKind.TIME;
import static alpha12.core.legacy.CellKind.TRIGGER_RULE;
import static alpha12.core.legacy.CellKind.WORD;
import static alpha12.core.legacy.LegacyColumn.optional;
import static alpha12.core.legacy.LegacyColumn.required;

import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.Cells;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.TradeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of the original's trade_history.csv as {@link TradeRecord}s, read by column name. The original's
 * tracker wrote a pending setup's expiry as outcome {@code timeout} with no trigger (original-system.md
 * §7.3); that is an {@code expired} row here. A trade's {@code pnl_r} (absent in the original) is derived
 * from its own entry, stop and exit price, and its origin from its id, as the original's ids say.
 */
final class LegacyTrades {

    static final String FILE = TradeHistoryFile.NAME;

    static final List<LegacyColumn> COLUMNS = List.of(
            required("setup_id", TEXT), required("asset", SYMBOL), required("interval", INTERVAL),
            required("direction", DIRECTION), required("created_at", TIME), required("trigger_ts", TIME),
            required("entry", NUMBER), required("stop", NUMBER), required("target", NUMBER),
            required("exit_ts", TIME), required("exit_price", NUMBER), required("outcome", WORD),
            required("pnl_pct", NUMBER), required("pnl_pct_net", NUMBER), required("rr_planned", NUMBER),
            required("confidence", NUMBER), optional("size_units", NUMBER), optional("notional_usd", NUMBER),
            optional("leverage", NUMBER), required("fees_bps_per_side", NUMBER), optional("price_at_trigger", NUMBER),
            required("trigger_rule", TRIGGER_RULE), required("entry_buffer_bps", NUMBER), optional("pnl_r", NUMBER),
            optional("origin", WORD));

    /** Percentage points: the original's pnl columns are exact doubles of its own formula, far inside this. */
    private static final double PNL_TOLERANCE = 1e-6;

    private final RepairStamps stamps;

    LegacyTrades(RepairStamps stamps) {
        this.stamps = stamps;
    }

    Conversion<TradeRecord> convert(LegacyRow r) {
        String id = r.cell("setup_id");
        Optional<Problem> structure = r.structureProblem(COLUMNS);
        if (structure.isPresent()) {
            return Conversion.rejected(r.line(), id, structure.get());
        }
        List<Problem> problems = new ArrayList<>();
        RowChecks.production(r, "setup_id", problems);
        RowChecks.geometry(r, problems);
        pnl(r, problems);
        Optional<Instant> created = RowChecks.createdAt(r, Set.of(id), stamps, problems);
        Optional<Instant> triggerTs = RowChecks.instant(r, "trigger_ts", problems);
        Optional<Instant> exitTs = RowChecks.instant(r, "exit_ts", problems);
        Optional<Outcome> outcome = outcome(r, problems);
        RowChecks.confidence(r, problems);
        if (!problems.isEmpty()) {
            return Conversion.rejected(r.line(), id, problems);
        }
        Map<String, String> cells = new HashMap<>();
        for (LegacyColumn c : COLUMNS) {
            cells.put(c.name(), r.cell(c.name()));
        }
        cells.put("created_at", RowChecks.text(created));
        cells.put("trigger_ts", RowChecks.text(triggerTs));
        cells.put("exit_ts", RowChecks.text(exitTs));
        cells.put("outcome", outcome.orElseThrow().code());
        if (!r.has("pnl_r")) {
            cells.put("pnl_r", Cells.num(pnlR(r, outcome.get())));
        }
        if (!r.has("origin")) {
            cells.put("origin", LegacyIds.origin(id).code());
        }
        return Conversion.read(r.line(), id, TradeHistoryFile.SCHEMA, cells);
    }

    private static Optional<Outcome> outcome(LegacyRow r, List<Problem> problems) {
        String o = r.cell("outcome");
        switch (o) {
            case "timeout" -> {
                return Optional.of(r.has("trigger_ts") ? Outcome.TIMEOUT : Outcome.EXPIRED);
            }
            case "manual_exit" -> problems.add(new Problem(RejectReason.NO_EQUIVALENT, "outcome manual_exit: closed by "
                    + "hand at a market price; this system records a person's decision only as a cancellation with "
                    + "zero pnl, which would change this row's pnl"));
            default -> {
                Optional<Outcome> known = Outcome.fromCode(o);
                if (known.isPresent()) {
                    return known;
                }
                problems.add(new Problem(RejectReason.UNKNOWN_STATUS, "outcome '" + o + "'"));
            }
        }
        return Optional.empty();
    }

    /**
     * The row's pnl must follow from its own prices, as the original computed it: a trade's pnl_pct from entry
     * to exit_price (exactly the target or the stop for those outcomes), pnl_pct_net less both sides' fees,
     * and zero for a setup that never traded. The original's seeded fake rows fail this (8.0 % for a 0.8 % move).
     */
    private static void pnl(LegacyRow r, List<Problem> problems) {
        String outcome = r.cell("outcome");
        boolean traded = switch (outcome) {
            case "target", "stop", "manual_exit" -> true;
            case "timeout" -> r.has("trigger_ts");
            default -> false;
        };
        double entry = r.number("entry");
        double exit = r.number("exit_price");
        double pnl = r.number("pnl_pct");
        if (!traded) {
            if (pnl != 0 && !Double.isNaN(pnl)) {
                problems.add(new Problem(RejectReason.IMPOSSIBLE, "outcome " + outcome + " never traded, yet pnl_pct "
                        + "is " + r.cell("pnl_pct")));
            }
            return;
        }
        if (Double.isNaN(exit) || Double.isNaN(pnl)) {
            problems.add(new Problem(RejectReason.IMPOSSIBLE, "outcome " + outcome + " is a trade, yet exit_price '"
                    + r.cell("exit_price") + "' or pnl_pct '" + r.cell("pnl_pct") + "' is empty"));
            return;
        }
        double level = outcome.equals("target") ? r.number("target") : outcome.equals("stop") ? r.number("stop") : exit;
        if (Math.abs(exit - level) > 1e-9 * Math.abs(level)) {
            problems.add(new Problem(RejectReason.IMPOSSIBLE, "outcome " + outcome + " but exit_price "
                    + r.cell("exit_price") + " is not its " + outcome + " " + r.cell(outcome)));
        }
        int sign = r.cell("direction").equals("long") ? 1 : -1;
        double expected = sign * (exit - entry) / entry * 100.0;
        if (!(Math.abs(pnl - expected) <= PNL_TOLERANCE)) {
            problems.add(new Problem(RejectReason.IMPOSSIBLE, "pnl_pct " + r.cell("pnl_pct") + " but a "
                    + r.cell("direction") + " from " + r.cell("entry") + " to " + r.cell("exit_price") + " is "
                    + String.format(java.util.Locale.ROOT, "%.6f", expected) + " %"));
        }
        double net = r.number("pnl_pct_net");
        double fees = r.number("fees_bps_per_side");
        if (!Double.isNaN(net) && !Double.isNaN(fees) && !(Math.abs(net - (pnl - 2 * fees / 100.0)) <= PNL_TOLERANCE)) {
            problems.add(new Problem(RejectReason.IMPOSSIBLE, "pnl_pct_net " + r.cell("pnl_pct_net")
                    + " is not pnl_pct " + r.cell("pnl_pct") + " less 2 × " + r.cell("fees_bps_per_side") + " bps"));
        }
    }

    /** The move from entry to exit in units of the planned risk (entry to stop); zero for setups that never traded. */
    private static double pnlR(LegacyRow r, Outcome outcome) {
        if (!outcome.isTrade()) {
            return 0.0;
        }
        double entry = r.number("entry");
        int sign = r.cell("direction").equals("long") ? 1 : -1;
        return sign * (r.number("exit_price") - entry) / Math.abs(entry - r.number("stop"));
    }
}
