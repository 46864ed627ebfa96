package alpha12.core.legacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the import did with one of the original's files: lines read, rows imported, rows already in runs/
 * (an earlier import, or the same line twice), and rejected rows counted by their first reason.
 * {@code stillActive} counts imported setups that are pending or triggered: the tracker follows them.
 */
public record FileReport(String file, State state, String note, int read, int imported, int alreadyPresent,
                         Map<RejectReason, Integer> rejected, List<String> ignoredColumns, int stillActive) {

    /** Whether the file was imported at all. */
    public enum State {
        IMPORTED,
        NOT_FOUND,
        /** 0 bytes or only blank lines: nothing to import. */
        EMPTY,
        /** Its header lacks a column the import needs; no row of it was imported. */
        UNUSABLE
    }

    public FileReport {
        EnumMap<RejectReason, Integer> sorted = new EnumMap<>(RejectReason.class);
        sorted.putAll(rejected);
        rejected = Collections.unmodifiableMap(sorted);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    static FileReport skipped(String file, State state, String note) {
        return new FileReport(file, state, note, 0, 0, 0, Map.of(), List.of(), 0);
    }

    public int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }
}
