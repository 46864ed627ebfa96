package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import org.junit.jupiter.api.Test;

class AverageTrueRangeTest {

    /** The label's barriers use this ATR: it is TA-Lib's, bit for bit, NaN before its lookback. */
    @Test
    void equalsTaLibAtrBitForBit() {
        for (Interval interval : Interval.TIMEFRAMES) {
            KlineSeries s = TestKlines.sampleSeries(interval);
            for (int period : new int[] {2, 14, 30}) {
                assertThat(AverageTrueRange.of(s, period)).as("%s ATR(%d)", interval, period)
                        .isEqualTo(TaLibReference.atr(s.high(), s.low(), s.close(), period));
            }
        }
    }

    @Test
    void refusesAPeriodBelowTwo() {
        assertThatThrownBy(() -> AverageTrueRange.of(TestKlines.sampleSeries(Interval.D1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 2");
    }
}
