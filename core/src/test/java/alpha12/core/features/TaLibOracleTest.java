package alpha12.core.features;

import static alpha12.core.features.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TA-Lib-named feature equals TA-Lib Java 0.4.0 (default MA types) on the real BTCUSDT sample of each
 * trading interval, within 1e-9 relative, from TA-Lib's first output on; and is NaN (warm-up) exactly before.
 */
class TaLibOracleTest {

    private static final double RELATIVE = 1e-9;

    static Stream<Interval> timeframes() {
        return Interval.TIMEFRAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("timeframes")
    void everyTaLibFeatureEqualsTaLibOnRealKlines(Interval interval) {
        KlineSeries s = TestKlines.sampleSeries(interval);
        FeatureMatrix m = FeatureSet.compute(s);
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        double[] v = s.volume();
        int n = s.size();
        List<String> failures = new ArrayList<>();

        check(failures, m, ROC_10, TaLibReference.roc(c, 10));
        check(failures, m, ATR_RATIO, divide(TaLibReference.atr(h, l, c, 14), c));
        double[][] bb = TaLibReference.bbands(c, 20, 2.0);
        double[] width = new double[n];
        double[] position = new double[n];
        for (int i = 0; i < n; i++) {
            double spread = bb[0][i] - bb[2][i];
            width[i] = spread / bb[1][i];
            position[i] = Double.isNaN(spread) ? Double.NaN : spread > 0 ? (c[i] - bb[2][i]) / spread : 0.5;
        }
        check(failures, m, BB_WIDTH, width);
        check(failures, m, BB_POSITION, position);
        double[][] macd = TaLibReference.macd(c, 12, 26, 9);
        check(failures, m, MACD_NORM, divide(macd[0], c));
        check(failures, m, MACD_SIGNAL_NORM, divide(macd[1], c));
        check(failures, m, MACD_HIST_NORM, divide(macd[2], c));
        check(failures, m, ADX_14, TaLibReference.adx(h, l, c, 14));
        check(failures, m, PLUS_DI_14, TaLibReference.plusDi(h, l, c, 14));
        check(failures, m, MINUS_DI_14, TaLibReference.minusDi(h, l, c, 14));
        check(failures, m, LINREG_SLOPE_20, divide(TaLibReference.linearRegSlope(c, 20), c));
        check(failures, m, RSI_14, TaLibReference.rsi(c, 14));
        check(failures, m, RSI_21, TaLibReference.rsi(c, 21));
        double[][] stoch = TaLibReference.stoch(h, l, c, 14, 3, 3);
        check(failures, m, STOCH_K, stoch[0]);
        check(failures, m, STOCH_D, stoch[1]);
        check(failures, m, CCI_14, TaLibReference.cci(h, l, c, 14));
        check(failures, m, WILLIAMS_R_14, TaLibReference.willR(h, l, c, 14));
        check(failures, m, MFI_14, TaLibReference.mfi(h, l, c, v, 14));
        double[] obv = TaLibReference.obv(c, v);
        double[] obvSlope = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = Math.max(0, i - 9); j <= i; j++) {
                sum += v[j];
            }
            obvSlope[i] = i < 10 ? Double.NaN : sum > 0 ? (obv[i] - obv[i - 10]) / sum : 0.0;
        }
        check(failures, m, OBV_SLOPE_10, obvSlope);

        assertThat(failures).as(interval + " (" + n + " bars)").isEmpty();
    }

    private static double[] divide(double[] x, double[] by) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / by[i];
        }
        return out;
    }

    private static void check(List<String> failures, FeatureMatrix m, int feature, double[] expected) {
        String name = FeatureNames.ALL.get(feature);
        double[] actual = m.column(feature);
        int mismatches = 0;
        String first = null;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : !Double.isNaN(a) && Math.abs(a - e) <= RELATIVE * Math.max(Math.abs(a), Math.abs(e));
            if (!ok) {
                if (first == null) {
                    first = "bar " + i + ": expected " + e + " but was " + a;
                }
                mismatches++;
            }
        }
        if (mismatches > 0) {
            failures.add(name + ": " + mismatches + " mismatches, first at " + first);
        }
    }
}
