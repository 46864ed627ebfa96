package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.store.Cells;
import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runs/background_analysis.csv}: one row per analysis of an asset and timeframe, in the seed's
 * columns ({@code top_features} as a Python list repr).
 */
public final class BackgroundAnalysisFile {

    public static final String NAME = "background_analysis.csv";

    public static final CsvSchema<AnalysisRow> SCHEMA = new CsvSchema<>(NAME,
            List.of("asset", "interval", "timestamp", "samples", "features", "accuracy", "win_rate", "cv_accuracy",
                    "cv_precision", "cv_recall", "cv_f1", "top_features", "model_type", "calibrated"),
            r -> List.of(r.asset(), r.interval().code(), time(r.timestamp()), Integer.toString(r.samples()),
                    Integer.toString(r.features()), num(r.accuracy()), num(r.winRate()), num(r.cvAccuracy()),
                    num(r.cvPrecision()), num(r.cvRecall()), num(r.cvF1()), pythonList(r.topFeatures()),
                    r.modelType(), Cells.bool(r.calibrated())),
            row -> new AnalysisRow(row.requiredText("asset"), interval(row, "interval"), row.instant("timestamp"),
                    row.intValue("samples"), row.intValue("features"), row.optionalDecimal("accuracy"),
                    row.optionalDecimal("win_rate"), row.optionalDecimal("cv_accuracy"),
                    row.optionalDecimal("cv_precision"), row.optionalDecimal("cv_recall"),
                    row.optionalDecimal("cv_f1"), parsePythonList(row.text("top_features")),
                    row.requiredText("model_type"), row.bool("calibrated")));

    private BackgroundAnalysisFile() {
    }

    /** Python's list repr: {@code ['rsi_14', 'atr_ratio']}. */
    static String pythonList(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item.contains(",") || item.contains("'") || item.contains("\"")) {
                throw new IllegalArgumentException("a list item cannot hold a comma or a quote: " + item);
            }
            out.append(i == 0 ? "" : ", ").append('\'').append(items.get(i)).append('\'');
        }
        return out.append(']').toString();
    }

    static List<String> parsePythonList(String text) throws MalformedRowException {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new MalformedRowException("not a list: '" + text + "'");
        }
        String inner = t.substring(1, t.length() - 1).strip();
        List<String> out = new ArrayList<>();
        if (inner.isEmpty()) {
            return out;
        }
        for (String part : inner.split(",")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\""))) {
                p = p.substring(1, p.length() - 1);
            }
            out.add(p);
        }
        return out;
    }
}
