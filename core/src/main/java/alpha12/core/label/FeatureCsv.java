package alpha12.core.label;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureNames;
import alpha12.core.store.Cells;
import alpha12.core.store.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * The research CSV of the {@code features} command: {@code open_time} (UTC ISO) then the 44 features in
 * order, and {@code label} when labels are given, for every bar past warm-up. A bar without a label (its
 * horizon is not complete) has an empty label cell. It sits with the label because it joins both.
 */
public final class FeatureCsv {

    private FeatureCsv() {
    }

    public static void write(FeatureMatrix features, Optional<Labels> labels, Writer out) throws IOException {
        if (labels.isPresent() && !labels.get().matches(features.openTimes())) {
            throw new IllegalArgumentException("features and labels were computed on different klines");
        }
        StringBuilder line = new StringBuilder(1024);
        line.append("open_time");
        for (String name : FeatureNames.ALL) {
            line.append(',').append(name);
        }
        if (labels.isPresent()) {
            line.append(",label");
        }
        out.write(line.append('\n').toString());
        for (int bar = features.firstRow(); bar < features.size(); bar++) {
            line.setLength(0);
            line.append(Timestamps.format(features.openTime(bar)));
            for (int f = 0; f < FeatureNames.COUNT; f++) {
                line.append(',').append(Cells.num(features.value(f, bar)));
            }
            if (labels.isPresent()) {
                line.append(',');
                if (labels.get().has(bar)) {
                    line.append(labels.get().get(bar));
                }
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }
}
