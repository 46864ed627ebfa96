package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.testing.TestKlines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlineValidationTest {

    private static final long T = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long STEP = Interval.M5.millis();

    private static Kline bar(long open, double o, double h, double l, double c, double v) {
        return new Kline(open, o, h, l, c, v, open + STEP - 1, 1.0, 1, 0.5, 0.5, 0.0);
    }

    private static String problem(Kline... klines) {
        return KlineValidation.problem(Interval.M5, List.of(klines)).orElse("valid");
    }

    @Test
    void everyBundledSampleIntervalIsValid() {
        for (Interval interval : Interval.TIMEFRAMES) {
            assertThat(KlineValidation.problem(interval, TestKlines.sample(interval))).as(interval.code()).isEmpty();
        }
    }

    @Test
    void acceptsAFlatZeroVolumeBarAndAnEarlyCloseAroundAnOutage() {
        Kline outage = new Kline(T, 10, 10, 10, 10, 0, T + 58_000, 0, 0, 0, 0, 0); // closed 58 s in, as Binance does
        assertThat(problem(outage, bar(T + STEP, 10, 11, 9, 10, 3))).isEqualTo("valid");
    }

    @Test
    void acceptsBinancesBarThatClosesAtTheNextBarsOpen() throws java.io.IOException {
        // BTCUSDT-4h.csv of the shared real data, line 124: closes at 16:00:00.000, not 15:59:59.999.
        String line = "1504699200000,4544.59,4619.47,4422.28,4619.43,261.596797,1504713600000,1185456.99647709,2560,"
                + "144.11303,653752.68879593,11146.71897399\n";
        List<Kline> real = PublicDataCsv.read(new java.io.BufferedReader(new java.io.StringReader(line)), "BTCUSDT-4h.csv",
                "BTCUSDT", Interval.H4);
        assertThat(real).singleElement().extracting(Kline::closeTime).isEqualTo(1504713600000L);
        Kline late = new Kline(T, 10, 11, 9, 10, 1, T + STEP + 1, 1, 1, 0, 0, 0);
        assertThat(problem(late)).contains("close time " + (T + STEP + 1) + " is outside the bar [" + T + ", "
                + (T + STEP) + "]");
    }

    @Test
    void rejectsOpenTimesOffTheGrid() {
        assertThat(problem(bar(T + 1, 10, 11, 9, 10, 1))).contains("bar 2024-01-01T00:00:00.001Z (#1 of 1)")
                .contains("not on the 5m grid");
    }

    @Test
    void rejectsDuplicateAndDescendingOpenTimes() {
        assertThat(problem(bar(T, 10, 11, 9, 10, 1), bar(T, 10, 11, 9, 10, 1))).contains("#2 of 2")
                .contains("duplicate open time");
        assertThat(problem(bar(T + STEP, 10, 11, 9, 10, 1), bar(T, 10, 11, 9, 10, 1)))
                .contains("not ascending");
    }

    @Test
    void rejectsHighBelowOpenOrCloseAndLowAboveThem() {
        assertThat(problem(bar(T, 10, 9.5, 9, 9.2, 1))).contains("high 9.5 is below max(open 10.0, close 9.2)");
        assertThat(problem(bar(T, 10, 12, 10.5, 11, 1))).contains("low 10.5 is above min(open 10.0, close 11.0)");
    }

    @Test
    void rejectsNonPositiveOrNonFinitePrices() {
        assertThat(problem(bar(T, 0, 11, 0, 10, 1))).contains("prices must be finite and positive");
        assertThat(problem(bar(T, 10, Double.POSITIVE_INFINITY, 9, 10, 1))).contains("finite and positive");
        assertThat(problem(bar(T, 10, Double.NaN, 9, 10, 1))).contains("finite and positive");
    }

    @Test
    void rejectsNegativeOrMissingVolume() {
        assertThat(problem(bar(T, 10, 11, 9, 10, -1))).contains("volume must be finite and >= 0: -1.0");
        assertThat(problem(bar(T, 10, 11, 9, 10, Double.NaN))).contains("volume must be finite");
    }

    @Test
    void rejectsACloseTimeOutsideTheBar() {
        Kline micros = new Kline(T, 10, 11, 9, 10, 1, (T + STEP) * 1000 - 1, 1, 1, 0, 0, 0);
        assertThat(problem(micros)).contains("close time").contains("is outside the bar");
    }

    @Test
    void checkThrowsOneLineNamingOriginSymbolIntervalAndBar() {
        List<Kline> klines = new ArrayList<>(TestKlines.sample(Interval.H1).subList(0, 5));
        Kline k = klines.get(3);
        klines.set(3, new Kline(k.openTime(), k.open(), k.high(), k.high() + 1, k.close(), k.volume(), k.closeTime(),
                k.quoteVolume(), k.trades(), k.takerBuyBase(), k.takerBuyQuote(), k.ignore()));
        assertThatThrownBy(() -> KlineValidation.check("csv:/data", "BTCUSDT", Interval.H1, klines))
                .isInstanceOf(MarketDataException.class)
                .hasMessageStartingWith("csv:/data: BTCUSDT 1h bar 2023-06-01T03:00:00Z (#4 of 5): low ")
                .hasMessageNotContaining("\n");
    }
}
