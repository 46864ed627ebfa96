package alpha12.core.legacy;

import alpha12.core.store.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks shared by setups and trade rows; each adds what it finds to a row's problem list. */
final class RowChecks {

    private static final Set<String> TEST_ORIGINS = Set.of("test", "debug");

    private RowChecks() {
    }

    /** A row a test, a debugging session or a person typed in: an id no production code gives, or origin test/debug. */
    static void production(LegacyRow r, String idColumn, List<Problem> out) {
        String id = r.cell(idColumn);
        if (TEST_ORIGINS.contains(r.cell("origin"))) {
            out.add(new Problem(RejectReason.TEST_ROW, "origin '" + r.cell("origin") + "'"));
        } else if (!LegacyIds.isProduction(id, r.cell("asset"), r.cell("interval"))) {
            out.add(new Problem(RejectReason.TEST_ROW, idColumn + " '" + id + "' is not an id the original gave a "
                    + r.cell("asset") + " " + r.cell("interval") + " setup (AUTO-<ASSET>-<TF>-<time>, "
                    + "<ASSET>-<TF>-<time> or MANUAL-<ASSET>-<TF>-<DIR>-<time>)"));
        }
    }

    /** Prices must be positive, and a long's stop below its entry and target above it (a short's the reverse). */
    static void geometry(LegacyRow r, List<Problem> out) {
        double entry = r.number("entry");
        double stop = r.number("stop");
        double target = r.number("target");
        if (!(entry > 0 && stop > 0 && target > 0) || Double.isInfinite(entry + stop + target)) {
            out.add(new Problem(RejectReason.IMPOSSIBLE, "entry " + r.cell("entry") + ", stop " + r.cell("stop")
                    + ", target " + r.cell("target") + ": every price must be a positive number"));
            return;
        }
        int sign = r.cell("direction").equals("long") ? 1 : -1;
        if (!(sign * (entry - stop) > 0 && sign * (target - entry) > 0)) {
            out.add(new Problem(RejectReason.IMPOSSIBLE, "a " + r.cell("direction") + " with entry " + r.cell("entry")
                    + ", stop " + r.cell("stop") + " and target " + r.cell("target") + " (a long needs stop < entry "
                    + "< target, a short the reverse)"));
        }
    }

    /**
     * The creation time: required, with an offset, and not a repair stamp. Empty (with the problem added)
     * when it cannot be trusted.
     */
    static Optional<Instant> createdAt(LegacyRow r, Set<String> names, RepairStamps stamps, List<Problem> out) {
        if (!r.has("created_at")) {
            out.add(new Problem(RejectReason.NO_CREATED_AT, "created_at is empty (the original's loaders blanked "
                    + "times they could not parse)"));
            return Optional.empty();
        }
        Optional<Instant> created = instant(r, "created_at", out);
        if (created.isEmpty()) {
            return created;
        }
        List<String> neighbours = stamps.neighbours(names, created.get());
        if (!neighbours.isEmpty()) {
            out.add(new Problem(RejectReason.REPAIR_STAMPED, "created_at " + r.cell("created_at") + " lies within "
                    + RepairStamps.WINDOW.toSeconds() + " s of the created_at of " + neighbours.size()
                    + " other setup(s), e.g. " + neighbours.get(0)));
            return Optional.empty();
        }
        return created;
    }

    /**
     * A timestamp cell that must carry its offset (every column but setups' expires_at: the original wrote
     * them with {@code +08:00} or {@code +00:00}). Empty for an empty cell, or with a problem added for a
     * timestamp without one.
     */
    static Optional<Instant> instant(LegacyRow r, String column, List<Problem> out) {
        if (!r.has(column)) {
            return Optional.empty();
        }
        Optional<Instant> t = LegacyTime.withOffset(r.cell(column));
        if (t.isEmpty()) {
            out.add(new Problem(RejectReason.ZONE_UNKNOWN, column + " '" + r.cell(column) + "' has no UTC offset; the "
                    + "original wrote times both in UTC and in UTC+8, so which one it is cannot be known"));
        }
        return t;
    }

    static void confidence(LegacyRow r, List<Problem> out) {
        if (r.number("confidence") > 1) {
            out.add(new Problem(RejectReason.CONFIDENCE_ABOVE_ONE, "confidence " + r.cell("confidence")
                    + " is not a probability; the model's own probability is unknown"));
        }
    }

    /** The canonical text of an instant cell, or empty text for none. */
    static String text(Optional<Instant> t) {
        return t.map(Timestamps::format).orElse("");
    }
}
