package alpha12.core.legacy;

import static alpha12.core.legacy.CellKind.INTERVAL;
import static alpha12.core.legacy.CellKind.NUMBER;
import static alpha12.core.legacy.CellKind.SYMBOL;
import static alpha12.core.legacy.CellKind.TEXT;
import static alpha12.core.legacy.CellKind.TIME;
import static alpha12.core.legacy.CellKind.WHOLE;
import static alpha12.core.legacy.LegacyColumn.required;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.runs.BackgroundAnalysisFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of the original's background_analysis.csv. Its columns mean what this system's do (in-sample
 * accuracy, the label's base rate as win_rate, out-of-fold cv_*), so a row carries over as it is.
 */
final class LegacyAnalysis {

    static final String FILE = BackgroundAnalysisFile.NAME;

    static final List<LegacyColumn> COLUMNS = List.of(
            required("asset", SYMBOL), required("interval", INTERVAL), required("timestamp", TIME),
            required("samples", WHOLE), required("features", WHOLE), required("accuracy", NUMBER),
            required("win_rate", NUMBER), required("cv_accuracy", NUMBER), required("cv_precision", NUMBER),
            required("cv_recall", NUMBER), required("cv_f1", NUMBER), required("top_features", TEXT),
            required("model_type", TEXT), required("calibrated", TEXT));

    private LegacyAnalysis() {
    }

    /** A row's identity: one analysis per asset, interval and time. */
    static String key(AnalysisRow row) {
        return row.asset() + " " + row.interval() + " " + row.timestamp();
    }

    static Conversion<AnalysisRow> convert(LegacyRow r) {
        String key = r.cell("asset") + " " + r.cell("interval") + " " + r.cell("timestamp");
        Optional<Problem> structure = r.structureProblem(COLUMNS);
        if (structure.isPresent()) {
            return Conversion.rejected(r.line(), key, structure.get());
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Instant> timestamp = RowChecks.instant(r, "timestamp", problems);
        if (!problems.isEmpty()) {
            return Conversion.rejected(r.line(), key, problems);
        }
        Map<String, String> cells = new HashMap<>();
        for (LegacyColumn c : COLUMNS) {
            cells.put(c.name(), r.cell(c.name()));
        }
        cells.put("timestamp", RowChecks.text(timestamp));
        Conversion<AnalysisRow> read = Conversion.read(r.line(), key, BackgroundAnalysisFile.SCHEMA, cells);
        return read.accepted() ? new Conversion<>(r.line(), key(read.row()), read.row(), List.of()) : read;
    }
}
