package alpha12.core.features;

import static alpha12.core.features.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small series whose feature values are worked out by hand (numbers in the comments). */
class HandCheckedFeaturesTest {

    private static final int N = 400;

    /** Flat candles (open = high = low = close = price) with the given volumes, hourly from 1970-01-01. */
    private static KlineSeries flatCandles(double[] price, double[] volume) {
        int n = price.length;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * Interval.H1.millis();
        }
        return new KlineSeries("TEST", Interval.H1, t, price.clone(), price.clone(), price.clone(), price.clone(),
                volume.clone());
    }

    @Test
    void vwapDistanceUsesVolumeWeightedTypicalPrice() {
        double[] p = new double[N];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = i % 2 == 0 ? 100.0 : 200.0;
            v[i] = i % 2 == 0 ? 3.0 : 1.0;
        }
        // last 20 bars: ten at 100 with volume 3, ten at 200 with volume 1 -> VWAP = (3000 + 2000) / 40 = 125;
        // the last bar (odd index) closes at 200 -> 200 / 125 - 1 = 0.6
        FeatureMatrix m = FeatureSet.compute(flatCandles(p, v));
        assertThat(m.value(VWAP_DISTANCE_20, N - 1)).isCloseTo(0.6, within(1e-12));
        // previous bar closes at 100 -> 100 / 125 - 1 = -0.2
        assertThat(m.value(VWAP_DISTANCE_20, N - 2)).isCloseTo(-0.2, within(1e-12));
    }

    @Test
    void obvSlopeIsSignedVolumeShareOfTheLastTenBars() {
        double[] p = new double[N];
        double[] v = new double[N];
        p[0] = 1000;
        v[0] = 1;
        for (int i = 1; i < N; i++) {
            boolean down = i % 10 < 3;
            p[i] = p[i - 1] + (down ? -1 : 1);
            v[i] = down ? 1.0 : 2.0;
        }
        // any 10 consecutive bars: 7 up with volume 2, 3 down with volume 1 -> (14 - 3) / 17
        FeatureMatrix m = FeatureSet.compute(flatCandles(p, v));
        assertThat(m.value(OBV_SLOPE_10, N - 1)).isCloseTo(11.0 / 17.0, within(1e-12));
        // an unchanged close moves OBV by nothing but its volume still counts in the denominator
        p[N - 1] = p[N - 2];
        FeatureMatrix unchanged = FeatureSet.compute(flatCandles(p, v));
        double lastWasUp = 2.0;
        assertThat(unchanged.value(OBV_SLOPE_10, N - 1)).isCloseTo((14 - 3 - lastWasUp) / 17.0, within(1e-12));
    }

    @Test
    void volumePriceTrendIsTheVolumeWeightedMeanLogReturn() {
        double[] p = new double[N];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            // log returns alternate +0.02 (volume 3) and -0.01 (volume 1)
            p[i] = i == 0 ? 100 : p[i - 1] * Math.exp(i % 2 == 1 ? 0.02 : -0.01);
            v[i] = i % 2 == 1 ? 3.0 : 1.0;
        }
        // last 5 bars end on an odd index: three +0.02 (volume 3), two -0.01 (volume 1)
        // -> (3*3*0.02 - 2*0.01) / 11 = 0.16 / 11
        FeatureMatrix m = FeatureSet.compute(flatCandles(p, v));
        assertThat(m.value(VOLUME_PRICE_TREND_5, N - 1)).isCloseTo(0.16 / 11, within(1e-12));
    }

    @Test
    void candleShapeFeatures() {
        KlineSeries s = withLastCandle(100, 110, 95, 105);
        FeatureMatrix m = FeatureSet.compute(s);
        int last = s.size() - 1;
        assertThat(m.value(BODY_SIZE, last)).isCloseTo(0.05, within(1e-15));       // |105-100|/100
        assertThat(m.value(UPPER_SHADOW, last)).isCloseTo(0.05, within(1e-15));    // (110-105)/100
        assertThat(m.value(LOWER_SHADOW, last)).isCloseTo(0.05, within(1e-15));    // (100-95)/100
        assertThat(m.value(CLOSE_POSITION, last)).isCloseTo(10.0 / 15, within(1e-15)); // (105-95)/(110-95)
        assertThat(m.value(HIGH_LOW_RANGE, last)).isCloseTo(110.0 / 95 - 1, within(1e-15));
        KlineSeries red = withLastCandle(105, 110, 95, 100);
        FeatureMatrix r = FeatureSet.compute(red);
        assertThat(r.value(UPPER_SHADOW, last)).isCloseTo(5.0 / 105, within(1e-15)); // (110-105)/105
        assertThat(r.value(LOWER_SHADOW, last)).isCloseTo(5.0 / 105, within(1e-15)); // (100-95)/105
        assertThat(r.value(CLOSE_POSITION, last)).isCloseTo(5.0 / 15, within(1e-15));
    }

    @Test
    void trendRegimeSwitchesAtTwoPercentFromTheTwentyBarMean() {
        assertThat(regimeAfterLastClose(103.0)).isEqualTo(1.0);   // 103 / ((19*100+103)/20) - 1 = 0.0285
        assertThat(regimeAfterLastClose(102.0)).isEqualTo(0.0);   // 102 / 100.1 - 1 = 0.0190
        assertThat(regimeAfterLastClose(97.0)).isEqualTo(-1.0);   // 97 / 99.85 - 1 = -0.0285
        assertThat(regimeAfterLastClose(98.0)).isEqualTo(0.0);    // 98 / 99.9 - 1 = -0.0190
    }

    @Test
    void volatilityRegimeIsOneWhenVolatilityExceedsItsTwentyBarMean() {
        double[] p = new double[N];
        Random random = new Random(3);
        p[0] = 100;
        for (int i = 1; i < N; i++) {
            double scale = i < N - 10 ? 0.001 : 0.02; // the last 10 bars are far more volatile
            p[i] = p[i - 1] * Math.exp(scale * random.nextGaussian());
        }
        FeatureMatrix m = FeatureSet.compute(flatCandles(p, ones()));
        assertThat(m.value(VOLATILITY_REGIME, N - 1)).isEqualTo(1.0);
        assertThat(m.value(VOLATILITY_REGIME, N - 40)).isIn(0.0, 1.0);
        for (int i = N - 10; i < N; i++) {
            assertThat(m.value(VOLATILITY_REGIME, i)).as("bar %d", i).isEqualTo(1.0);
        }
    }

    /**
     * On a 50-bar window the estimator is biased low: a random walk averages about 0.3 (numpy's polyfit of
     * the same definition agrees), an oscillating series near 0. A steady drift is removed by the standard
     * deviation, so a straight line plus noise also scores near 0: this measures diffusion, not direction.
     */
    @Test
    void hurstRanksRandomWalkAboveMeanReversionAndIgnoresSteadyDrift() {
        Random random = new Random(11);
        double walk = 0;
        double reverting = 0;
        double[] randomWalk = new double[N];
        double[] drifting = new double[N];
        double[] meanReverting = new double[N];
        for (int i = 0; i < N; i++) {
            walk += 0.01 * random.nextGaussian();
            reverting = -0.5 * reverting + 0.01 * random.nextGaussian();
            randomWalk[i] = 100 * Math.exp(walk);
            drifting[i] = 100 * Math.exp(0.01 * i + 0.0005 * random.nextGaussian());
            meanReverting[i] = 100 * Math.exp(reverting);
        }
        assertThat(meanHurst(randomWalk)).isBetween(0.2, 0.4);
        assertThat(meanHurst(meanReverting)).isLessThan(0.1);
        assertThat(meanHurst(drifting)).isBetween(-0.1, 0.1);
    }

    @Test
    void hurstOfAFlatWindowIsOneHalf() {
        double[] p = new double[N];
        java.util.Arrays.fill(p, 250.0);
        assertThat(FeatureSet.compute(flatCandles(p, ones())).value(HURST_50, N - 1)).isEqualTo(0.5);
    }

    @Test
    void warmUpRowsAreNaNAndTheFirstRowIsTheLongestLookback() {
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = 100 + Math.sin(i / 5.0);
        }
        FeatureMatrix m = FeatureSet.compute(flatCandles(p, ones()));
        // volatility_168 needs 168 returns (bar 168); htf on 1h uses 4h bins: EMA(26) needs 26 closed
        // 4h bins, the 26th closes with bar 103 -> 168 is the longest
        assertThat(m.firstRow()).isEqualTo(168);
        assertThat(m.value(VOLATILITY_168, 167)).isNaN();
        assertThat(m.value(HTF_TREND, 102)).isNaN();
        assertThat(m.value(HTF_TREND, 103)).isFinite();
        assertThat(m.value(HTF_RSI_14, 58)).isNaN();   // 15 closed bins = 60 hourly bars
        assertThat(m.value(HTF_RSI_14, 59)).isFinite();
        assertThat(m.latest()).hasValueSatisfying(row -> assertThat(row.values()).hasSize(44));
        double[] short168 = java.util.Arrays.copyOf(p, 168);
        assertThat(FeatureSet.compute(flatCandles(short168, java.util.Arrays.copyOf(ones(), 168))).latest())
                .isEmpty();
    }

    @Test
    void refusesUnorderedOrNonPositiveInput() {
        double[] p = new double[30];
        java.util.Arrays.fill(p, 10.0);
        KlineSeries good = flatCandles(p, new double[30]);
        long[] t = good.openTime().clone();
        t[5] = t[4];
        assertThatThrownBy(() -> FeatureSet.compute(new KlineSeries("X", Interval.H1, t, p, p, p, p, p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        double[] zero = p.clone();
        zero[7] = 0.0;
        assertThatThrownBy(() -> FeatureSet.compute(flatCandles(zero, p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar 7");
        long[] shifted = good.openTime().clone();
        shifted[3] += 60_000;
        assertThatThrownBy(() -> FeatureSet.compute(new KlineSeries("X", Interval.H1, shifted, p, p, p, p, p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boundary");
    }

    private static double meanHurst(double[] price) {
        FeatureMatrix m = FeatureSet.compute(flatCandles(price, ones()));
        double sum = 0;
        int count = 0;
        for (int i = 49; i < N; i++) {
            sum += m.value(HURST_50, i);
            count++;
        }
        return sum / count;
    }

    private static double regimeAfterLastClose(double last) {
        double[] p = new double[N];
        java.util.Arrays.fill(p, 100.0);
        p[N - 1] = last;
        return FeatureSet.compute(flatCandles(p, ones())).value(TREND_REGIME, N - 1);
    }

    private static KlineSeries withLastCandle(double open, double high, double low, double close) {
        double[] p = new double[N];
        java.util.Arrays.fill(p, 100.0);
        KlineSeries s = flatCandles(p, ones());
        s.open()[N - 1] = open;
        s.high()[N - 1] = high;
        s.low()[N - 1] = low;
        s.close()[N - 1] = close;
        return s;
    }

    private static double[] ones() {
        double[] v = new double[N];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }
}
