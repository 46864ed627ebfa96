package alpha12.core.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureRow;
import alpha12.core.features.FeatureSet;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LabelledRowsTest {

    @Test
    void rowsArePastWarmUpWithACompleteLabelOldestFirst() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H4);
        FeatureMatrix m = FeatureSet.compute(s);
        Labels labels = TripleBarrierLabel.compute(s, LabelSettings.DEFAULT);
        LabelledRows rows = LabelledRows.of(m, labels);

        int n = s.size();
        assertThat(rows.size()).isEqualTo(n - 12 - m.firstRow());
        assertThat(rows.bars()[0]).isEqualTo(m.firstRow());
        assertThat(rows.bars()[rows.size() - 1]).isEqualTo(n - 13);
        assertThat(rows.horizonBars()).isEqualTo(12);
        for (int r = 0; r < rows.size(); r++) {
            int bar = rows.bars()[r];
            assertThat(rows.openTimes()[r]).isEqualTo(s.openTime()[bar]);
            assertThat(rows.x()[r]).containsExactly(m.row(bar));
            assertThat(rows.y()[r]).isEqualTo(labels.get(bar));
        }
        double ones = 0;
        for (int y : rows.y()) {
            ones += y;
        }
        assertThat(rows.winRate()).isEqualTo(ones / rows.size());
    }

    @Test
    void theBarToScoreIsTheLastClosedBarAndHasNoLabel() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H1);
        FeatureMatrix m = FeatureSet.compute(s);
        Labels labels = TripleBarrierLabel.compute(s, LabelSettings.DEFAULT);
        FeatureRow latest = m.latest().orElseThrow();
        assertThat(latest.openTime()).isEqualTo(Instant.ofEpochMilli(s.openTime()[s.size() - 1]));
        assertThat(latest.values()).containsExactly(m.row(s.size() - 1));
        assertThat(labels.has(s.size() - 1)).isFalse();
    }

    @Test
    void refusesFeaturesAndLabelsOfDifferentKlines() {
        KlineSeries s = TestKlines.sampleSeries(Interval.D1);
        FeatureMatrix m = FeatureSet.compute(s);
        Labels other = TripleBarrierLabel.compute(s.prefix(s.size() - 1), LabelSettings.DEFAULT);
        assertThatThrownBy(() -> LabelledRows.of(m, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different klines");
    }

    @Test
    void aSeriesShorterThanWarmUpGivesNoRows() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H1).prefix(150);
        LabelledRows rows = LabelledRows.of(FeatureSet.compute(s), TripleBarrierLabel.compute(s, LabelSettings.DEFAULT));
        assertThat(rows.size()).isZero();
        assertThat(rows.winRate()).isNaN();
    }
}
