package alpha12.core.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A column the import reads from one of the original's files, the kind of value it holds, whether it must exist. */
record LegacyColumn(String name, CellKind kind, boolean required) {

    static LegacyColumn required(String name, CellKind kind) {
        return new LegacyColumn(name, kind, true);
    }

    static LegacyColumn optional(String name, CellKind kind) {
        return new LegacyColumn(name, kind, false);
    }

    /** The required columns a header lacks. */
    static List<String> missing(List<LegacyColumn> columns, Map<String, Integer> header) {
        List<String> out = new ArrayList<>();
        for (LegacyColumn c : columns) {
            if (c.required() && !header.containsKey(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Header columns the import does not read (they are not carried over). */
    static List<String> ignored(List<LegacyColumn> columns, List<String> header) {
        return header.stream().filter(h -> columns.stream().noneMatch(c -> c.name().equals(h))).toList();
    }
}
