package alpha12.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureNames;
import alpha12.core.features.FeatureSet;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.store.Timestamps;
import alpha12.core.testing.TestKlines;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureCsvTest {

    private final KlineSeries series = TestKlines.sampleSeries(Interval.D1);
    private final FeatureMatrix features = FeatureSet.compute(series);

    @Test
    void writesOpenTimeAndTheFeaturesOfEveryRowPastWarmUp() throws IOException {
        String[] lines = write(Optional.empty());
        assertThat(lines[0]).isEqualTo("open_time," + String.join(",", FeatureNames.ALL));
        assertThat(lines).hasSize(features.rowCount() + 1);
        String[] first = lines[1].split(",", -1);
        assertThat(first).hasSize(45);
        assertThat(first[0]).isEqualTo(Timestamps.format(features.openTime(features.firstRow())))
                .endsWith("T00:00:00+00:00");
        for (int f = 0; f < FeatureNames.COUNT; f++) {
            assertThat(Double.parseDouble(first[f + 1])).as(FeatureNames.ALL.get(f))
                    .isEqualTo(features.value(f, features.firstRow()));
        }
    }

    @Test
    void labelColumnIsEmptyWhereTheHorizonIsIncomplete() throws IOException {
        Labels labels = TripleBarrierLabel.compute(series, LabelSettings.DEFAULT);
        String[] lines = write(Optional.of(labels));
        assertThat(lines[0]).endsWith(",htf_rsi_14,label");
        int rows = lines.length - 1;
        for (int r = 0; r < rows; r++) {
            String label = lines[r + 1].substring(lines[r + 1].lastIndexOf(',') + 1);
            if (r >= rows - 12) {
                assertThat(label).as("row %d", r).isEmpty();
            } else {
                assertThat(label).as("row %d", r).isIn("0", "1");
                assertThat(Integer.parseInt(label)).isEqualTo(labels.get(features.firstRow() + r));
            }
        }
    }

    private String[] write(Optional<Labels> labels) throws IOException {
        StringWriter out = new StringWriter();
        FeatureCsv.write(features, labels, out);
        return out.toString().split("\n");
    }
}
