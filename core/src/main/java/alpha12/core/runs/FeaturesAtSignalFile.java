package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.store.Cells.time;

import alpha12.core.features.FeatureNames;
import alpha12.core.store.Cells;
import alpha12.core.store.CsvSchema;
import alpha12.core.trading.FeaturesAtSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code runs/features_at_signal.csv}: the 44 features of every candle autosignal scored, by name. */
public final class FeaturesAtSignalFile {

    public static final String NAME = "features_at_signal.csv";

    public static final CsvSchema<FeaturesAtSignal> SCHEMA = new CsvSchema<>(NAME,
            concat(List.of("ts", "asset", "interval", "setup_id"), FeatureNames.ALL),
            f -> concat(List.of(time(f.ts()), f.asset(), f.interval().code(), f.setupId().orElse("")),
                    Arrays.stream(f.features()).mapToObj(Cells::num).toList()),
            row -> {
                double[] values = new double[FeatureNames.COUNT];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.decimal(FeatureNames.ALL.get(i));
                }
                String setupId = row.text("setup_id");
                return new FeaturesAtSignal(row.instant("ts"), row.requiredText("asset"), interval(row, "interval"),
                        setupId.isEmpty() ? Optional.empty() : Optional.of(setupId), values);
            });

    private FeaturesAtSignalFile() {
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
