package alpha12.core.legacy;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.CsvSchema;
import alpha12.core.store.RunsStore;
import alpha12.core.store.Timestamps;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.TradeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Imports an original alpha12 runs/ folder (its setups.csv, trade_history.csv and background_analysis.csv)
 * into this system's files, written only through {@link RunsStore} in the form of {@code alpha12.core.runs}:
 * times in UTC, columns mapped by name. Every row it cannot trust is kept verbatim, with its reasons, in
 * {@code runs/legacy-import/<file>.rejected}. Importing the same folder again adds nothing, to the files or
 * to the rejected rows.
 *
 * <p>Trade rows are the record of how a setup ended (the original wrote each once, when it happened), so a
 * setup whose status disagrees with its trade row is the one rejected. Imported setups keep their status:
 * a pending or triggered one is followed by the tracker from its created_at, by this system's rules.
 */
public final class LegacyImport {

    /** Folder under runs/ for the rejected rows. */
    public static final String REJECTED_DIR = "legacy-import";

    private final RunsStore store;

    public LegacyImport(RunsStore store) {
        this.store = store;
    }

    /** Rows of one file sorted for writing; {@code duplicates} are repeated identical lines. */
    private record Sorted<T>(List<Conversion<T>> accepted, List<Conversion<T>> rejected, int duplicates) {
    }

    /** One of the original's files: its table and the columns the import reads, or why it cannot be imported. */
    private record Source(LegacyTable table, List<LegacyColumn> columns, Map<String, Integer> header,
                          FileReport skipped) {
        boolean usable() {
            return skipped == null;
        }

        List<LegacyRow> rows() {
            return usable() ? table.lines().stream().map(l -> new LegacyRow(l, header, table.header().size())).toList()
                    : List.of();
        }
    }

    /**
     * Imports the original's files found in {@code legacyDir}. Their content never makes this throw: every
     * row is imported, found already present, or rejected with its reasons.
     */
    public ImportReport run(Path legacyDir) {
        Source setups = open(legacyDir, LegacySetups.FILE, LegacySetups.COLUMNS);
        Source trades = open(legacyDir, LegacyTrades.FILE, LegacyTrades.COLUMNS);
        Source analysis = open(legacyDir, LegacyAnalysis.FILE, LegacyAnalysis.COLUMNS);

        Set<String> sharedUniqueIds = sharedUniqueIds(setups);
        RepairStamps stamps = new RepairStamps();
        collectStamps(setups, r -> LegacySetups.names(r, sharedUniqueIds), stamps);
        collectStamps(trades, r -> Set.of(r.cell("setup_id")), stamps);

        LegacyTrades tradeRows = new LegacyTrades(stamps);
        Sorted<TradeRecord> tradeResult = sort(trades.rows().stream().map(tradeRows::convert).toList());
        Map<String, SetupStatus> tradeStatuses = tradeResult.accepted().stream()
                .collect(Collectors.toMap(Conversion::key, c -> c.row().outcome().status(), (a, b) -> a));
        LegacySetups setupRows = new LegacySetups(stamps, sharedUniqueIds, tradeStatuses);
        Sorted<Setup> setupResult = sort(setups.rows().stream().map(setupRows::convert).toList());
        Sorted<AnalysisRow> analysisResult = sort(analysis.rows().stream().map(LegacyAnalysis::convert).toList());

        List<FileReport> reports = new ArrayList<>();
        store.locked(SetupsFile.NAME, () -> {
            // setups.csv's lock first, as every writer of setups and trades takes them; trade rows before setups
            reports.add(write(trades, TradeHistoryFile.SCHEMA, tradeResult, TradeRecord::setupId, Objects::equals,
                    t -> false));
            reports.add(0, write(setups, SetupsFile.SCHEMA, setupResult, Setup::id, LegacyImport::sameSetup,
                    s -> s.lifecycle().status().isActive()));
            return null;
        });
        reports.add(write(analysis, BackgroundAnalysisFile.SCHEMA, analysisResult, LegacyAnalysis::key,
                Objects::equals, a -> false));
        return new ImportReport(legacyDir, store.dir(), reports, store.resolve(REJECTED_DIR));
    }

    private static Source open(Path dir, String file, List<LegacyColumn> columns) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return new Source(null, columns, Map.of(), FileReport.skipped(file, FileReport.State.NOT_FOUND,
                    "not found in " + dir + ", skipped"));
        }
        LegacyTable table = LegacyTable.read(path);
        if (table.header().isEmpty()) {
            return new Source(table, columns, Map.of(), FileReport.skipped(file, FileReport.State.EMPTY, "empty ("
                    + bytes(path) + " bytes), nothing to import"));
        }
        List<String> missing = LegacyColumn.missing(columns, table.columns());
        List<String> duplicated = table.duplicateColumns();
        if (!missing.isEmpty() || !duplicated.isEmpty()) {
            String why = !missing.isEmpty() ? "its header lacks " + String.join(", ", missing)
                    : "its header repeats " + String.join(", ", duplicated);
            String required = columns.stream().filter(LegacyColumn::required).map(LegacyColumn::name)
                    .collect(Collectors.joining(","));
            return new Source(table, columns, Map.of(), FileReport.skipped(file, FileReport.State.UNUSABLE,
                    "not imported: " + why + "; accepted: a header naming " + required + " (any order)"));
        }
        return new Source(table, columns, table.columns(), null);
    }

    private static long bytes(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Every readable created_at of the file, whatever else is wrong with its row: the evidence of repair stamps. */
    private static void collectStamps(Source source, Function<LegacyRow, Set<String>> names, RepairStamps stamps) {
        for (LegacyRow r : source.rows()) {
            LegacyTime.withOffset(r.cell("created_at")).ifPresent(t -> stamps.add(names.apply(r), t));
        }
    }

    private static Set<String> sharedUniqueIds(Source setups) {
        Map<String, Set<String>> idsByUniqueId = new HashMap<>();
        for (LegacyRow r : setups.rows()) {
            if (r.has("unique_id")) {
                idsByUniqueId.computeIfAbsent(r.cell("unique_id"), k -> new HashSet<>()).add(r.cell("id"));
            }
        }
        return idsByUniqueId.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Accepted rows sharing a key: identical lines count once; different ones are all rejected, since which
     * is right cannot be told.
     */
    private static <T> Sorted<T> sort(List<Conversion<T>> all) {
        Map<String, List<Conversion<T>>> byKey = new LinkedHashMap<>();
        List<Conversion<T>> rejected = new ArrayList<>();
        for (Conversion<T> c : all) {
            if (c.accepted()) {
                byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
            } else {
                rejected.add(c);
            }
        }
        List<Conversion<T>> accepted = new ArrayList<>();
        int duplicates = 0;
        for (List<Conversion<T>> same : byKey.values()) {
            boolean identical = same.stream().map(c -> c.line().verbatim()).distinct().count() == 1;
            if (identical) {
                accepted.add(same.get(0));
                duplicates += same.size() - 1;
            } else {
                String lines = same.stream().map(c -> Integer.toString(c.line().number()))
                        .collect(Collectors.joining(", "));
                same.forEach(c -> rejected.add(c.reject(new Problem(RejectReason.DUPLICATE, "'" + c.key()
                        + "' is on lines " + lines + " with different values"))));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(c -> c.line().number()));
        return new Sorted<>(accepted, rejected, duplicates);
    }

    /**
     * Appends the rows runs/ does not hold yet (under the file's lock); a row whose key runs/ already holds is
     * already present when it is the same row, else rejected. Then records the rejected rows. {@code active}
     * picks the appended rows the report counts as still active.
     */
    private <T> FileReport write(Source source, CsvSchema<T> schema, Sorted<T> sorted, Function<T, String> key,
                                 BiPredicate<T, T> same, Predicate<T> active) {
        if (!source.usable()) {
            return source.skipped();
        }
        List<Conversion<T>> rejected = new ArrayList<>(sorted.rejected());
        int[] present = {sorted.duplicates()};
        List<T> added = store.locked(schema.file(), () -> {
            Map<String, T> existing = new HashMap<>();
            store.read(schema).forEach(r -> existing.put(key.apply(r), r));
            List<T> fresh = new ArrayList<>();
            for (Conversion<T> c : sorted.accepted()) {
                T there = existing.get(c.key());
                if (there == null) {
                    fresh.add(c.row());
                    existing.put(c.key(), c.row());
                } else if (same.test(there, c.row())) {
                    present[0]++;
                } else {
                    rejected.add(c.reject(new Problem(RejectReason.ID_TAKEN, "runs/" + schema.file()
                            + " already holds another row for '" + c.key() + "'")));
                }
            }
            store.append(schema, fresh);
            return fresh;
        });
        writeRejected(source.table(), rejected);
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        rejected.forEach(c -> counts.merge(c.problems().get(0).reason(), 1, Integer::sum));
        return new FileReport(schema.file(), FileReport.State.IMPORTED, "", source.table().lines().size(),
                added.size(), present[0], counts, LegacyColumn.ignored(source.columns(), source.table().header()),
                (int) added.stream().filter(active).count());
    }

    /** The same setup, whatever the tracker did with it since: an earlier import of this row. */
    private static boolean sameSetup(Setup a, Setup b) {
        return a.timeframe().equals(b.timeframe()) && a.direction() == b.direction()
                && a.levels().entry() == b.levels().entry() && a.levels().stop() == b.levels().stop()
                && a.levels().target() == b.levels().target()
                && a.lifecycle().createdAt().equals(b.lifecycle().createdAt());
    }

    /**
     * Appends rejected lines to {@code legacy-import/<file>.rejected}: a {@code #} line with the time, the line
     * number in the source and every reason, then the line verbatim. A line already there is not added again.
     */
    private void writeRejected(LegacyTable table, List<? extends Conversion<?>> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        String relative = REJECTED_DIR + "/" + table.file().getFileName() + ".rejected";
        store.locked(relative, () -> {
            String existing = store.readText(relative).orElse("");
            Map<String, Integer> there = new HashMap<>();
            existing.lines().filter(l -> !l.startsWith("#")).forEach(l -> there.merge(l, 1, Integer::sum));
            StringBuilder out = new StringBuilder();
            String columns = "# columns of " + table.file().toAbsolutePath() + ": " + String.join(",", table.header());
            String when = Timestamps.format(store.clock().instant());
            for (Conversion<?> c : rejected) {
                String verbatim = c.line().verbatim();
                if (there.getOrDefault(verbatim, 0) > 0) {
                    there.merge(verbatim, -1, Integer::sum);
                    continue;
                }
                if (out.isEmpty() && !existing.contains(columns + "\n")) {
                    out.append(columns).append('\n');
                }
                out.append("# ").append(when).append(" line ").append(c.line().number()).append(": ")
                        .append(c.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")))
                        .append('\n').append(verbatim).append('\n');
            }
            if (!out.isEmpty()) {
                store.appendText(relative, out.toString().replace('\r', ' '));
            }
            return null;
        });
    }
}
