package alpha12.core.model.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Isotonic regression calibration, as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")}:
 * a non-decreasing step fit by pool-adjacent-violators on the distinct raw probabilities (ties pooled
 * first), interpolated linearly between its knots and held constant beyond the first and last knot.
 */
record IsotonicCalibration(double[] knots, double[] values) implements Calibrator {

    public IsotonicCalibration {
        if (knots.length == 0 || knots.length != values.length) {
            throw new IllegalArgumentException(
                    "isotonic calibration needs equally many knots and values, at least one");
        }
        for (int i = 0; i < knots.length; i++) {
            if (!Double.isFinite(knots[i]) || !(values[i] >= 0 && values[i] <= 1)
                    || (i > 0 && (knots[i] <= knots[i - 1] || values[i] < values[i - 1]))) {
                throw new IllegalArgumentException(
                        "isotonic knots must increase and values be non-decreasing in [0, 1]");
            }
        }
        knots = knots.clone();
        values = values.clone();
    }

    @Override
    public CalibrationMethod method() {
        return CalibrationMethod.ISOTONIC;
    }

    @Override
    public double apply(double raw) {
        if (Double.isNaN(raw)) {
            return 0.5;
        }
        int last = knots.length - 1;
        if (raw <= knots[0]) {
            return values[0];
        }
        if (raw >= knots[last]) {
            return values[last];
        }
        int i = Arrays.binarySearch(knots, raw);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (raw - knots[lo]) / (knots[hi] - knots[lo]);
        return Calibrator.clamp(values[lo] + w * (values[hi] - values[lo]));
    }

    /** Fits on raw probabilities and 0/1 labels; needs at least one row. */
    public static IsotonicCalibration fit(double[] raw, int[] y) {
        int n = raw.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException(
                    "isotonic calibration needs equally many scores and labels, at least one");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(raw[i], raw[j]));
        // pool ties: one point per distinct raw value, weighted by its rows
        double[] x = new double[n];
        double[] sum = new double[n];
        double[] weight = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (m > 0 && raw[i] == x[m - 1]) {
                sum[m - 1] += y[i];
                weight[m - 1] += 1;
            } else {
                x[m] = raw[i];
                sum[m] = y[i];
                weight[m] = 1;
                m++;
            }
        }
        return knotsOf(Arrays.copyOf(x, m), poolAdjacentViolators(sum, weight, m));
    }

    /** The weighted least-squares non-decreasing fit of {@code sum / weight} over the first m points. */
    private static double[] poolAdjacentViolators(double[] sum, double[] weight, int m) {
        // blocks [start[b], start[b+1]) of points, merged while a block's mean exceeds the next one's
        int[] start = new int[m + 1];
        double[] blockSum = new double[m];
        double[] blockWeight = new double[m];
        int blocks = 0;
        for (int k = 0; k < m; k++) {
            start[blocks] = k;
            blockSum[blocks] = sum[k];
            blockWeight[blocks] = weight[k];
            blocks++;
            while (blocks > 1 && blockSum[blocks - 2] / blockWeight[blocks - 2]
                    > blockSum[blocks - 1] / blockWeight[blocks - 1]) {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockWeight[blocks - 2] += blockWeight[blocks - 1];
                blocks--;
            }
        }
        start[blocks] = m;
        double[] fitted = new double[m];
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(fitted, start[b], start[b + 1], blockSum[b] / blockWeight[b]);
        }
        return fitted;
    }

    /** Keeps only the knots where the fit changes slope: the ends of each constant stretch. */
    private static IsotonicCalibration knotsOf(double[] x, double[] fitted) {
        int m = x.length;
        double[] kx = new double[m];
        double[] ky = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            boolean interior = i > 0 && i < m - 1 && fitted[i] == fitted[i - 1] && fitted[i] == fitted[i + 1];
            if (!interior) {
                kx[k] = x[i];
                ky[k] = fitted[i];
                k++;
            }
        }
        return new IsotonicCalibration(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k));
    }

    @Override
    public void writeParameters(DataOutput out) throws IOException {
        out.writeInt(knots.length);
        for (int i = 0; i < knots.length; i++) {
            out.writeDouble(knots[i]);
            out.writeDouble(values[i]);
        }
    }

    static IsotonicCalibration read(DataInput in, int maxBytes) throws IOException {
        int n = in.readInt();
        if (n < 1 || (long) n * 16 > maxBytes) {
            throw new IOException("implausible isotonic knot count " + n);
        }
        double[] knots = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            knots[i] = in.readDouble();
            values[i] = in.readDouble();
        }
        try {
            return new IsotonicCalibration(knots, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibration other && Arrays.equals(knots, other.knots)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(knots) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IsotonicCalibration[" + knots.length + " knots]";
    }
}
