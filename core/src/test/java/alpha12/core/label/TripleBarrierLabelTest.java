package alpha12.core.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TripleBarrierLabelTest {

    private static final int N = 60;
    /** The bar labelled in the hand cases; its ATR14 is exactly 2 (every true range before it is 2). */
    private static final int T = 30;
    private static final LabelSettings DEFAULT = LabelSettings.DEFAULT;

    /** Candles open = close = 100, high 101, low 99: true range 2, so ATR14 = 2 and barriers 102 / 98. */
    private static KlineSeries steady() {
        long[] t = new long[N];
        double[] o = new double[N];
        double[] h = new double[N];
        double[] l = new double[N];
        double[] c = new double[N];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = i * Interval.H1.millis();
            o[i] = 100;
            h[i] = 101;
            l[i] = 99;
            c[i] = 100;
            v[i] = 1;
        }
        return new KlineSeries("TEST", Interval.H1, t, o, h, l, c, v);
    }

    private static int labelAtT(KlineSeries s, LabelSettings settings) {
        return TripleBarrierLabel.compute(s, settings).get(T);
    }

    @Test
    void upperBarrierTouchedFirstIsOne() {
        KlineSeries s = steady();
        s.high()[T + 3] = 102.5;
        s.low()[T + 5] = 97;
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(1);
    }

    @Test
    void lowerBarrierTouchedFirstIsZero() {
        KlineSeries s = steady();
        s.low()[T + 2] = 97.9;
        s.high()[T + 5] = 110;
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(0);
    }

    @Test
    void bothBarriersInTheSameBarCountAsTheLoss() {
        KlineSeries s = steady();
        s.high()[T + 4] = 103;
        s.low()[T + 4] = 97;
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(0);
    }

    @Test
    void touchingTheBarrierExactlyCounts() {
        KlineSeries s = steady();
        s.high()[T + 1] = 102;
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(1);
        KlineSeries down = steady();
        down.low()[T + 1] = 98;
        assertThat(labelAtT(down, DEFAULT)).isEqualTo(0);
    }

    @Test
    void neitherBarrierFallsBackToTheCloseAfterTheHorizon() {
        KlineSeries up = steady();
        up.close()[T + 12] = 100.5;
        assertThat(labelAtT(up, DEFAULT)).isEqualTo(1);
        KlineSeries flat = steady();
        assertThat(labelAtT(flat, DEFAULT)).as("equal close is not up").isEqualTo(0);
        KlineSeries lower = steady();
        lower.close()[T + 12] = 99.5;
        assertThat(labelAtT(lower, DEFAULT)).isEqualTo(0);
    }

    @Test
    void onlyBarsTPlusOneToTPlusHorizonAreLookedAt() {
        KlineSeries s = steady();
        s.high()[T] = 150;          // the bar itself does not count
        s.high()[T + 13] = 150;     // one bar past the horizon does not count
        s.low()[T + 13] = 50;
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(0);
        s.high()[T + 12] = 150;     // the horizon's last bar does
        assertThat(labelAtT(s, DEFAULT)).isEqualTo(1);
    }

    @Test
    void barriersScaleWithTheAtrMultiple() {
        KlineSeries s = steady();
        s.high()[T + 1] = 103;      // beyond 1 ATR (102) but not 2 ATR (104)
        s.close()[T + 12] = 99;
        assertThat(labelAtT(s, new LabelSettings(12, 1.0))).isEqualTo(1);
        assertThat(labelAtT(s, new LabelSettings(12, 2.0))).isEqualTo(0);
    }

    @Test
    void barsWithAnIncompleteHorizonHaveNoLabel() {
        Labels labels = TripleBarrierLabel.compute(steady(), DEFAULT);
        assertThat(labels.first()).isEqualTo(14);
        assertThat(labels.end()).isEqualTo(N - 12);
        assertThat(labels.has(N - 13)).isTrue();
        assertThat(labels.has(N - 12)).isFalse();
        assertThat(labels.has(13)).isFalse();
        assertThatThrownBy(() -> labels.get(N - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no label");
        Labels tooShort = TripleBarrierLabel.compute(steady().prefix(20), DEFAULT);
        assertThat(tooShort.end()).isEqualTo(tooShort.first());
    }

    /** A label exists only once its horizon is complete, and never changes when later bars arrive. */
    @Test
    void labelsOnAPrefixEqualTheFullSeriesLabels() {
        for (Interval interval : Interval.TIMEFRAMES) {
            KlineSeries full = TestKlines.sampleSeries(interval);
            Labels all = TripleBarrierLabel.compute(full, DEFAULT);
            Random random = new Random(interval.ordinal() * 17L + 1);
            for (int c = 0; c < 20; c++) {
                int k = random.nextInt(full.size());
                Labels prefix = TripleBarrierLabel.compute(full.prefix(k + 1), DEFAULT);
                assertThat(prefix.end()).as("%s cut at %d", interval, k).isEqualTo(Math.max(14, k + 1 - 12));
                for (int t = 0; t <= k; t++) {
                    boolean complete = t >= 14 && t + 12 <= k;
                    if (prefix.has(t) != complete || complete && prefix.get(t) != all.get(t)) {
                        assertThat(prefix.has(t)).as("%s bar %d cut at %d has a label", interval, t, k)
                                .isEqualTo(complete);
                        assertThat(prefix.get(t)).as("%s label of bar %d cut at %d", interval, t, k)
                                .isEqualTo(all.get(t));
                    }
                }
            }
        }
    }

    @Test
    void realDataLabelsAreBothClasses() {
        Labels labels = TripleBarrierLabel.compute(TestKlines.sampleSeries(Interval.H1), DEFAULT);
        int ones = 0;
        for (int t = labels.first(); t < labels.end(); t++) {
            ones += labels.get(t);
        }
        double share = (double) ones / (labels.end() - labels.first());
        assertThat(share).isBetween(0.35, 0.65);
    }
}
