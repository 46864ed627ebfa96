package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Outage bars (zero volume, high == low, missing bars) and flat stretches give finite values after warm-up. */
class FeatureRobustnessTest {

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("BTCUSDT-1h-2020-02.csv", Interval.H1),
                Arguments.of("BTCUSDT-1h-2021-02.csv", Interval.H1),
                Arguments.of("BTCUSDT-1h-2023-03.csv", Interval.H1),
                Arguments.of("BTCUSDT-4h-2018-02.csv", Interval.H4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void realOutageBarsGiveFiniteFeaturesAfterWarmUp(String file, Interval interval) {
        KlineSeries s = OutageKlines.series(file, interval);
        FeatureMatrix m = FeatureSet.compute(s);
        assertThat(m.rowCount()).as("rows past warm-up").isGreaterThan(300);
        assertFiniteAfterWarmUp(m);
    }

    @Test
    void theZeroVolumeFlatBarHasDefinedCandleAndVolumeValues() {
        KlineSeries s = OutageKlines.series("BTCUSDT-1h-2021-02.csv", Interval.H1);
        int flat = indexOfOpen(s, 1613012400000L);
        assertThat(s.volume()[flat]).isZero();
        assertThat(s.high()[flat]).isEqualTo(s.low()[flat]);
        FeatureMatrix m = FeatureSet.compute(s);
        assertThat(flat).isGreaterThanOrEqualTo(m.firstRow());
        assertThat(m.value(Columns.CLOSE_POSITION, flat)).isEqualTo(0.5);
        assertThat(m.value(Columns.HIGH_LOW_RANGE, flat)).isZero();
        assertThat(m.value(Columns.BODY_SIZE, flat)).isZero();
        assertThat(m.value(Columns.VOLUME_RATIO, flat)).isZero();
        assertThat(m.value(Columns.VOLUME_MOMENTUM, flat)).as("log change into zero volume").isZero();
        assertThat(m.value(Columns.VOLUME_MOMENTUM, flat + 1)).as("log change out of zero volume").isZero();
    }

    /**
     * Real 1h bars followed by 200 copies of the real 2021-02-11 03:00 outage bar (zero volume,
     * open == high == low == close, times continuing hourly): every window turns flat and volume-less.
     */
    @Test
    void aLongFlatZeroVolumeStretchGivesDefinedValues() {
        KlineSeries real = TestKlines.sampleSeries(Interval.H1).prefix(400);
        int extra = 200;
        int n = real.size() + extra;
        long[] t = Arrays.copyOf(real.openTime(), n);
        double[] o = Arrays.copyOf(real.open(), n);
        double[] h = Arrays.copyOf(real.high(), n);
        double[] l = Arrays.copyOf(real.low(), n);
        double[] c = Arrays.copyOf(real.close(), n);
        double[] v = Arrays.copyOf(real.volume(), n);
        double price = 44582.07;
        for (int i = real.size(); i < n; i++) {
            t[i] = t[i - 1] + Interval.H1.millis();
            o[i] = price;
            h[i] = price;
            l[i] = price;
            c[i] = price;
            v[i] = 0.0;
        }
        FeatureMatrix m = FeatureSet.compute(new KlineSeries("BTCUSDT", Interval.H1, t, o, h, l, c, v));
        assertFiniteAfterWarmUp(m);
        int last = n - 1;
        assertThat(m.value(Columns.VOLATILITY_168, last)).isZero();
        // TA-Lib's running sum of squares (~4e10 here) leaves a rounding residue above its 1e-8 variance
        // floor, so a flat window's bands are not exactly closed: the value is TA-Lib's, and tiny.
        assertThat(m.value(Columns.BB_WIDTH, last)).isBetween(0.0, 1e-6);
        assertThat(m.value(Columns.BB_POSITION, last)).isCloseTo(0.5, within(1e-6));
        assertThat(m.value(Columns.HURST_50, last)).isEqualTo(0.5);
        assertThat(m.value(Columns.VOLUME_RATIO, last)).isEqualTo(1.0);
        assertThat(m.value(Columns.OBV_SLOPE_10, last)).isZero();
        assertThat(m.value(Columns.VOLUME_PRICE_TREND_5, last)).isZero();
        assertThat(m.value(Columns.VWAP_DISTANCE_20, last)).isZero();
        assertThat(m.value(Columns.MFI_14, last)).isZero();
        assertThat(m.value(Columns.CCI_14, last)).isZero();
        // TA-Lib's running SMA and fresh regression sums keep rounding residues on a flat window.
        assertThat(m.value(Columns.STOCH_K, last)).isCloseTo(0.0, within(1e-9));
        assertThat(m.value(Columns.WILLIAMS_R_14, last)).isZero();
        assertThat(m.value(Columns.PRICE_VS_SUPPORT_20, last)).isZero();
        assertThat(m.value(Columns.LINREG_SLOPE_20, last)).isCloseTo(0.0, within(1e-12));
    }

    static void assertFiniteAfterWarmUp(FeatureMatrix m) {
        List<String> bad = new ArrayList<>();
        for (int f = 0; f < FeatureNames.COUNT; f++) {
            double[] column = m.column(f);
            for (int i = m.firstRow(); i < m.size(); i++) {
                if (!Double.isFinite(column[i])) {
                    bad.add(FeatureNames.ALL.get(f) + " at bar " + i + " = " + column[i]);
                    break;
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    private static int indexOfOpen(KlineSeries s, long openTime) {
        int i = Arrays.binarySearch(s.openTime(), openTime);
        assertThat(i).as("bar opening at %d", openTime).isNotNegative();
        return i;
    }
}
