package alpha12.bench;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureSet;
import alpha12.core.label.LabelSettings;
import alpha12.core.label.Labels;
import alpha12.core.label.TripleBarrierLabel;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 44 features (and, separately, the triple-barrier label) of 100,000 one-hour bars on one thread. The
 * bars are the real BTCUSDT 1h sample bundled in core (7,320 bars), tiled: each copy is re-stamped to
 * continue hourly after the previous one and its prices scaled so that it opens at the previous close, so
 * every return is a real one and there is no jump at the seams.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FeatureSetBenchmark {

    @Param("100000")
    public int bars;

    private KlineSeries series;

    @Setup
    public void load() {
        series = tiled(sample(), bars);
    }

    @Benchmark
    public FeatureMatrix features() {
        return FeatureSet.compute(series);
    }

    @Benchmark
    public Labels label() {
        return TripleBarrierLabel.compute(series, LabelSettings.DEFAULT);
    }

    static KlineSeries tiled(KlineSeries base, int n) {
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        int m = base.size();
        long step = Interval.H1.millis();
        double scale = 1.0;
        for (int i = 0; i < n; i++) {
            int j = i % m;
            if (j == 0 && i > 0) {
                scale = c[i - 1] / base.open()[0];
            }
            t[i] = base.openTime()[0] + i * step;
            o[i] = base.open()[j] * scale;
            h[i] = base.high()[j] * scale;
            l[i] = base.low()[j] * scale;
            c[i] = base.close()[j] * scale;
            v[i] = base.volume()[j];
        }
        return new KlineSeries(base.symbol(), Interval.H1, t, o, h, l, c, v);
    }

    /** The bundled real 1h sample (alpha12/sample/BTCUSDT-1h.csv.gz in core's resources). */
    static KlineSeries sample() {
        String name = "/alpha12/sample/BTCUSDT-1h.csv.gz";
        try (InputStream raw = FeatureSetBenchmark.class.getResourceAsStream(name)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + name + " missing from the classpath");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new double[] {Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
            int n = rows.size();
            long[] t = new long[n];
            double[][] ohlcv = new double[5][n];
            for (int i = 0; i < n; i++) {
                t[i] = (long) rows.get(i)[0];
                for (int k = 0; k < 5; k++) {
                    ohlcv[k][i] = rows.get(i)[k + 1];
                }
            }
            return new KlineSeries("BTCUSDT", Interval.H1, t, ohlcv[0], ohlcv[1], ohlcv[2], ohlcv[3], ohlcv[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
