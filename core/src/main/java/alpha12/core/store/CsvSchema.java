package alpha12.core.store;

import java.util.List;

/**
 * The one schema of a CSV file under runs/: its relative path, its columns in order, and how a row
 * record becomes cells and back. Every schema is defined once: each runs/ file's in its own class of
 * {@code alpha12.core.runs}, the kline cache's in {@code alpha12.core.market.KlineCacheFile}.
 */
public record CsvSchema<R>(String file, List<String> columns, Writer<R> writer, Reader<R> reader) {

    /** Record to cells, in column order. */
    @FunctionalInterface
    public interface Writer<R> {
        List<String> cells(R row);
    }

    /** Parsed row to record; throws for a row that cannot be trusted. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(Row row) throws MalformedRowException;
    }

    public CsvSchema {
        columns = List.copyOf(columns);
    }

    public String header() {
        return String.join(",", columns);
    }
}
