package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up of each feature (index of its first defined bar) is the one docs/features.md states. */
class FeatureWarmUpTest {

    /** docs/features.md, column "first bar"; htf values are for 1h bars starting at a 4h boundary. */
    private static final int[] FIRST_BAR = {
        1, 4, 24, 10, 2,                 // ret_1 ret_4 ret_24 roc_10 price_acceleration
        4, 24, 168, 43, 14, 0, 19, 19,   // volatility_4/24/168 volatility_regime atr_ratio high_low_range bb_*
        19, 49, 19, 33, 33, 33,          // trend_strength_20/50 trend_regime macd_*
        27, 14, 14, 49, 19,              // adx plus_di minus_di hurst_50 linreg_slope_20
        14, 21, 17, 17, 13, 13, 14,      // rsi_14 rsi_21 stoch_k stoch_d cci williams_r mfi
        19, 1, 10, 5, 19,                // volume_ratio volume_momentum obv_slope vpt vwap
        0, 0, 0, 0, 19, 19,              // body upper lower close_position support resistance
        103, 59                          // htf_trend: 26th 4h close; htf_rsi_14: 15th 4h close
    };

    @Test
    void eachFeatureStartsAtItsDocumentedBar() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H1);
        assertThat(s.openTime()[0] % (4 * 3_600_000L)).isZero();
        FeatureMatrix m = FeatureSet.compute(s);
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int f = 0; f < FeatureNames.COUNT; f++) {
            int i = 0;
            while (Double.isNaN(m.value(f, i))) {
                i++;
            }
            actual.put(FeatureNames.ALL.get(f), i);
            expected.put(FeatureNames.ALL.get(f), FIRST_BAR[f]);
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(m.firstRow()).isEqualTo(168);
    }

    @Test
    void theFirstRowOnEachIntervalIsTheLongestWarmUp() {
        // 5m: 26 closed 1h bins = 312 bars; 1d: the first week is partial (Thu 2017-08-17 to Sun 08-20,
        // bar 3), the 26th weekly close is 25 weeks later at bar 178; the others are volatility_168's 168
        assertThat(FeatureSet.compute(TestKlines.sampleSeries(Interval.M5)).firstRow()).isEqualTo(311);
        assertThat(FeatureSet.compute(TestKlines.sampleSeries(Interval.M15)).firstRow()).isEqualTo(168);
        assertThat(FeatureSet.compute(TestKlines.sampleSeries(Interval.H4)).firstRow()).isEqualTo(168);
        assertThat(FeatureSet.compute(TestKlines.sampleSeries(Interval.D1)).firstRow()).isEqualTo(178);
    }
}
