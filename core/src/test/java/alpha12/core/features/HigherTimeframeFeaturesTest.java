package alpha12.core.features;

import static alpha12.core.features.Columns.HTF_RSI_14;
import static alpha12.core.features.Columns.HTF_TREND;
import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HigherTimeframeFeaturesTest {

    static Stream<Arguments> series() {
        Stream<Arguments> samples = Interval.TIMEFRAMES.stream()
                .map(i -> Arguments.of(i + " sample", TestKlines.sampleSeries(i)));
        KlineSeries h1 = TestKlines.sampleSeries(Interval.H1);
        return Stream.concat(samples, Stream.of(
                Arguments.of("1h starting mid-bin (02:00)", h1.slice(2, h1.size())),
                Arguments.of("1h 2020-02, a whole 4h bin missing",
                        OutageKlines.series("BTCUSDT-1h-2020-02.csv", Interval.H1)),
                Arguments.of("1h 2021-02, early-closed outage bar",
                        OutageKlines.series("BTCUSDT-1h-2021-02.csv", Interval.H1)),
                Arguments.of("4h 2018-02, a bin's last bars missing",
                        OutageKlines.series("BTCUSDT-4h-2018-02.csv", Interval.H4))));
    }

    /**
     * Independent check: group the base bars into higher-timeframe bins, run TA-Lib EMA(12), EMA(26) and
     * RSI(14) over the bins' closes, and give bar t the values of the last bin that ended by t's close.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void equalsTaLibOverTheHigherTimeframeBinsClosedByEachBarsClose(String name, KlineSeries s) {
        Interval higher = s.interval().higherTimeframe();
        List<Long> ends = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            long end = higher.closeOf(higher.openOf(s.openTime()[i]));
            if (ends.isEmpty() || ends.get(ends.size() - 1) != end) {
                ends.add(end);
                closes.add(s.close()[i]);
            } else {
                closes.set(closes.size() - 1, s.close()[i]);
            }
        }
        double[] c = closes.stream().mapToDouble(Double::doubleValue).toArray();
        double[] fast = TaLibReference.ema(c, 12);
        double[] slow = TaLibReference.ema(c, 26);
        double[] rsi = TaLibReference.rsi(c, 14);

        FeatureMatrix m = FeatureSet.compute(s);
        int closed = 0;
        for (int i = 0; i < s.size(); i++) {
            while (closed < ends.size() && ends.get(closed) <= s.closeTime(i)) {
                closed++;
            }
            double trend = closed == 0 ? Double.NaN : fast[closed - 1] / slow[closed - 1] - 1.0;
            double r = closed == 0 ? Double.NaN : rsi[closed - 1];
            if (!sameBits(m.value(HTF_TREND, i), trend) || !sameBits(m.value(HTF_RSI_14, i), r)) {
                assertThat(new double[] {m.value(HTF_TREND, i), m.value(HTF_RSI_14, i)})
                        .as("%s htf_trend, htf_rsi_14 at bar %d", name, i).isEqualTo(new double[] {trend, r});
            }
        }
        assertThat(m.firstRow()).isLessThan(s.size());
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    @Test
    void dailyBarsSeeANewWeekOnlyAtTheSundayBarThatClosesMonday0000Utc() {
        KlineSeries s = TestKlines.sampleSeries(Interval.D1);
        FeatureMatrix m = FeatureSet.compute(s);
        int changes = 0;
        for (int i = m.firstRow() + 1; i < s.size(); i++) {
            ZonedDateTime close = Instant.ofEpochMilli(s.closeTime(i)).atZone(ZoneOffset.UTC);
            boolean weekCloses = close.getDayOfWeek() == DayOfWeek.MONDAY && close.getHour() == 0;
            boolean changed = m.value(HTF_RSI_14, i) != m.value(HTF_RSI_14, i - 1)
                    || m.value(HTF_TREND, i) != m.value(HTF_TREND, i - 1);
            assertThat(changed).as("bar %s (closes %s)", Instant.ofEpochMilli(s.openTime()[i]), close)
                    .isEqualTo(weekCloses);
            changes += changed ? 1 : 0;
        }
        assertThat(changes).isGreaterThan(300);
    }

    @Test
    void hourlyBarsSeeANew4hBinOnlyAtTheBarClosingOnA4hBoundary() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H1);
        FeatureMatrix m = FeatureSet.compute(s);
        for (int i = m.firstRow() + 1; i < s.size(); i++) {
            ZonedDateTime close = Instant.ofEpochMilli(s.closeTime(i)).atZone(ZoneOffset.UTC);
            boolean binCloses = close.getHour() % 4 == 0;
            boolean changed = m.value(HTF_RSI_14, i) != m.value(HTF_RSI_14, i - 1)
                    || m.value(HTF_TREND, i) != m.value(HTF_TREND, i - 1);
            assertThat(changed).as("bar closing %s", close).isEqualTo(binCloses);
        }
    }

    /** The original leaked the forming bin: changing bars after t inside t's bin must not change row t. */
    @Test
    void laterBarsOfTheFormingBinDoNotChangeEarlierRows() {
        KlineSeries s = TestKlines.sampleSeries(Interval.H1);
        FeatureMatrix before = FeatureSet.compute(s);
        int t = 5000;
        while ((s.closeTime(t) / 3_600_000L) % 4 == 0) {
            t++;
        }
        double[] close = s.close().clone();
        double[] high = s.high().clone();
        for (int j = t + 1; j < s.size(); j++) {
            close[j] *= 1.5;
            high[j] *= 1.5;
        }
        KlineSeries changed = new KlineSeries(s.symbol(), s.interval(), s.openTime(), s.open(), high, s.low(), close,
                s.volume());
        FeatureMatrix after = FeatureSet.compute(changed);
        assertThat(after.value(HTF_TREND, t)).isEqualTo(before.value(HTF_TREND, t));
        assertThat(after.value(HTF_RSI_14, t)).isEqualTo(before.value(HTF_RSI_14, t));
        assertThat(after.value(HTF_TREND, t + 3)).isNotEqualTo(before.value(HTF_TREND, t + 3));
    }
}
