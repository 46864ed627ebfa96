package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Features computed on bars[0..k] equal, bit for bit, rows 0..k computed on all bars, for seeded random cut
 * points k (higher-timeframe features included, so cuts land inside forming higher-timeframe bins).
 */
class FeatureCausalityTest {

    private static final int CUTS = 25;

    static Stream<Arguments> series() {
        Stream<Arguments> samples = Interval.TIMEFRAMES.stream()
                .map(i -> Arguments.of(i + " sample", TestKlines.sampleSeries(i)));
        Stream<Arguments> outages = Stream.of(
                Arguments.of("1h 2020-02 outages", OutageKlines.series("BTCUSDT-1h-2020-02.csv", Interval.H1)),
                Arguments.of("1h 2021-02 outages", OutageKlines.series("BTCUSDT-1h-2021-02.csv", Interval.H1)),
                Arguments.of("4h 2018-02 outages", OutageKlines.series("BTCUSDT-4h-2018-02.csv", Interval.H4)));
        return Stream.concat(samples, outages);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void featuresOnAPrefixEqualTheFullSeriesRowsBitForBit(String name, KlineSeries full) {
        FeatureMatrix all = FeatureSet.compute(full);
        Random random = new Random(name.hashCode() * 31L + 7);
        int n = full.size();
        for (int c = 0; c < CUTS; c++) {
            int k = c == 0 ? n - 1 : random.nextInt(n);
            FeatureMatrix prefix = FeatureSet.compute(full.prefix(k + 1));
            for (int f = 0; f < FeatureNames.COUNT; f++) {
                double[] expected = Arrays.copyOf(all.column(f), k + 1);
                if (!Arrays.equals(prefix.column(f), expected)) {
                    assertThat(prefix.column(f)).as("%s cut at bar %d, %s", name, k, FeatureNames.ALL.get(f))
                            .isEqualTo(expected);
                }
            }
            assertThat(prefix.firstRow()).as("first row of the prefix").isEqualTo(Math.min(all.firstRow(), k + 1));
        }
    }
}
