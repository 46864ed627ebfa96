package alpha12.core.features;

import static alpha12.core.features.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every feature without a TA-Lib reference equals its docs/features.md definition computed the slow,
 * obvious way (fresh window loops, two-pass deviations) on the real 1h and 5m samples.
 */
class FeatureDefinitionsTest {

    private static final double RELATIVE = 1e-9;
    /** Rolling sums and fresh sums round differently; below this magnitude only rounding is compared. */
    private static final double ABSOLUTE = 1e-12;

    @Test
    void nonTaLibFeaturesMatchTheirDefinitionsOnReal1hKlines() {
        assertMatchesDefinitions(TestKlines.sampleSeries(Interval.H1));
    }

    @Test
    void nonTaLibFeaturesMatchTheirDefinitionsOnReal5mKlines() {
        assertMatchesDefinitions(TestKlines.sampleSeries(Interval.M5).prefix(6000));
    }

    private static void assertMatchesDefinitions(KlineSeries s) {
        FeatureMatrix m = FeatureSet.compute(s);
        double[] o = s.open();
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        double[] v = s.volume();
        List<String> failures = new ArrayList<>();
        int from = m.firstRow();
        check(failures, m, RET_1, from, t -> Math.log(c[t] / c[t - 1]));
        check(failures, m, RET_4, from, t -> c[t] / c[t - 4] - 1);
        check(failures, m, RET_24, from, t -> c[t] / c[t - 24] - 1);
        check(failures, m, PRICE_ACCELERATION, from, t -> Math.log(c[t] / c[t - 1]) - Math.log(c[t - 1] / c[t - 2]));
        check(failures, m, VOLATILITY_4, from, t -> sampleStdOfLogReturns(c, t, 4));
        check(failures, m, VOLATILITY_24, from, t -> sampleStdOfLogReturns(c, t, 24));
        check(failures, m, VOLATILITY_168, from, t -> sampleStdOfLogReturns(c, t, 168));
        check(failures, m, HIGH_LOW_RANGE, from, t -> h[t] / l[t] - 1);
        check(failures, m, TREND_STRENGTH_20, from, t -> c[t] / mean(c, t, 20) - 1);
        check(failures, m, TREND_STRENGTH_50, from, t -> c[t] / mean(c, t, 50) - 1);
        check(failures, m, HURST_50, from, t -> hurst(c, t));
        check(failures, m, VOLUME_RATIO, from, t -> v[t] / mean(v, t, 20));
        check(failures, m, VOLUME_MOMENTUM, from, t -> Math.log(v[t] / v[t - 1]));
        check(failures, m, VOLUME_PRICE_TREND_5, from, t -> {
            double weighted = 0;
            double volume = 0;
            for (int j = t - 4; j <= t; j++) {
                weighted += v[j] * Math.log(c[j] / c[j - 1]);
                volume += v[j];
            }
            return weighted / volume;
        });
        check(failures, m, VWAP_DISTANCE_20, from, t -> {
            double value = 0;
            double volume = 0;
            for (int j = t - 19; j <= t; j++) {
                value += (h[j] + l[j] + c[j]) / 3 * v[j];
                volume += v[j];
            }
            return c[t] / (value / volume) - 1;
        });
        check(failures, m, BODY_SIZE, from, t -> Math.abs(c[t] - o[t]) / o[t]);
        check(failures, m, UPPER_SHADOW, from, t -> (h[t] - Math.max(o[t], c[t])) / o[t]);
        check(failures, m, LOWER_SHADOW, from, t -> (Math.min(o[t], c[t]) - l[t]) / o[t]);
        check(failures, m, CLOSE_POSITION, from, t -> h[t] == l[t] ? 0.5 : (c[t] - l[t]) / (h[t] - l[t]));
        check(failures, m, PRICE_VS_SUPPORT_20, from, t -> c[t] / extreme(l, t, 20, false) - 1);
        check(failures, m, PRICE_VS_RESISTANCE_20, from, t -> c[t] / extreme(h, t, 20, true) - 1);
        checkRegimes(failures, m, c);
        assertThat(failures).as(s.toString()).isEmpty();
    }

    /** Regimes are thresholds: compared wherever the input is not within rounding of the threshold. */
    private static void checkRegimes(List<String> failures, FeatureMatrix m, double[] c) {
        for (int t = m.firstRow(); t < m.size(); t++) {
            double strength = c[t] / mean(c, t, 20) - 1;
            if (Math.abs(Math.abs(strength) - 0.02) > 1e-12) {
                double trend = strength > 0.02 ? 1 : strength < -0.02 ? -1 : 0;
                if (m.value(TREND_REGIME, t) != trend) {
                    failures.add("trend_regime at bar " + t);
                }
            }
            double vol = sampleStdOfLogReturns(c, t, 24);
            double volMean = 0;
            for (int j = t - 19; j <= t; j++) {
                volMean += sampleStdOfLogReturns(c, j, 24) / 20;
            }
            if (Math.abs(vol - volMean) > 1e-12 && m.value(VOLATILITY_REGIME, t) != (vol > volMean ? 1 : 0)) {
                failures.add("volatility_regime at bar " + t);
            }
        }
    }

    private static void check(List<String> failures, FeatureMatrix m, int feature, int from,
                              IntToDoubleFunction definition) {
        for (int t = from; t < m.size(); t++) {
            double expected = definition.applyAsDouble(t);
            double actual = m.value(feature, t);
            double tolerance = Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(expected), Math.abs(actual)));
            if (!(Math.abs(actual - expected) <= tolerance)) {
                failures.add(FeatureNames.ALL.get(feature) + " at bar " + t + ": definition " + expected
                        + ", computed " + actual);
                return;
            }
        }
    }

    static double mean(double[] x, int t, int window) {
        double sum = 0;
        for (int j = t - window + 1; j <= t; j++) {
            sum += x[j];
        }
        return sum / window;
    }

    static double sampleStdOfLogReturns(double[] c, int t, int window) {
        double[] r = new double[window];
        for (int j = 0; j < window; j++) {
            int bar = t - window + 1 + j;
            r[j] = Math.log(c[bar] / c[bar - 1]);
        }
        double mean = 0;
        for (double x : r) {
            mean += x / window;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (window - 1));
    }

    static double extreme(double[] x, int t, int window, boolean max) {
        double e = x[t];
        for (int j = t - window + 1; j <= t; j++) {
            e = max ? Math.max(e, x[j]) : Math.min(e, x[j]);
        }
        return e;
    }

    /** Slope of ln(population std of lag-L differences of ln close over the 50-bar window) on ln L, L=2..20. */
    static double hurst(double[] c, int t) {
        int lags = 19;
        double[] x = new double[lags];
        double[] y = new double[lags];
        for (int k = 0; k < lags; k++) {
            int lag = k + 2;
            int count = 50 - lag;
            double[] d = new double[count];
            for (int j = 0; j < count; j++) {
                int i = t - 49 + lag + j;
                d[j] = Math.log(c[i]) - Math.log(c[i - lag]);
            }
            double mean = 0;
            for (double e : d) {
                mean += e / count;
            }
            double ss = 0;
            for (double e : d) {
                ss += (e - mean) * (e - mean);
            }
            x[k] = Math.log(lag);
            y[k] = Math.log(Math.sqrt(ss / count));
        }
        double mx = 0;
        double my = 0;
        for (int k = 0; k < lags; k++) {
            mx += x[k] / lags;
            my += y[k] / lags;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < lags; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }
}
