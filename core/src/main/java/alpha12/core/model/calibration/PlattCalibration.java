package alpha12.core.model.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Platt scaling: {@code p = 1 / (1 + exp(a·raw + b))}, fitted by maximum likelihood with Platt's
 * smoothed targets, using the Newton method with backtracking of Lin, Lin and Weng (2007), "A note on
 * Platt's probabilistic outputs for support vector machines" (as LIBSVM and Smile's PlattScaling do).
 * The fit never inverts the forest: when higher raw probabilities went with fewer positives out of fold
 * (a > 0, which on real data means noise), the slope is held at 0 and every row gets the smoothed base
 * rate. Otherwise the calibrator, fitted and scored on the same out-of-fold rows, could pick its sign
 * in hindsight and report an AUC above 0.5 for a forest that ranks worse than chance.
 */
record PlattCalibration(double a, double b) implements Calibrator {

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPSILON = 1e-5;

    public PlattCalibration {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + ", b=" + b);
        }
    }

    @Override
    public CalibrationMethod method() {
        return CalibrationMethod.PLATT;
    }

    @Override
    public double apply(double raw) {
        double f = a * raw + b;
        double p = f >= 0 ? Math.exp(-f) / (1.0 + Math.exp(-f)) : 1.0 / (1.0 + Math.exp(f));
        return Calibrator.clamp(p);
    }

    /** Fits on scores and 0/1 labels; needs at least one row. */
    public static PlattCalibration fit(double[] scores, int[] y) {
        int n = scores.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("Platt scaling needs equally many scores and labels, at least one");
        }
        int positives = 0;
        for (int label : y) {
            positives += label;
        }
        int negatives = n - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = y[i] == 1 ? hiTarget : loTarget;
        }
        double a = 0.0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double fval = objective(scores, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] d = derivatives(scores, t, a, b);
            double g1 = d[0];
            double g2 = d[1];
            if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
                break;
            }
            // Newton direction from H' = H + sigma I, then backtracking until the decrease is sufficient
            double det = d[2] * d[3] - d[4] * d[4];
            double dA = -(d[3] * g1 - d[4] * g2) / det;
            double dB = -(-d[4] * g1 + d[2] * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1.0;
            while (step >= MIN_STEP) {
                double newF = objective(scores, t, a + step * dA, b + step * dB);
                if (newF < fval + 0.0001 * step * gd) {
                    a += step * dA;
                    b += step * dB;
                    fval = newF;
                    break;
                }
                step /= 2.0;
            }
            if (step < MIN_STEP) {
                break; // line search failed: keep the best parameters so far
            }
        }
        if (a > 0) {
            // the maximum likelihood with a <= 0 lies on a = 0, where the fit is the mean target
            double meanTarget = (positives * hiTarget + negatives * loTarget) / n;
            return new PlattCalibration(0.0, Math.log((1 - meanTarget) / meanTarget));
        }
        return new PlattCalibration(a, b);
    }

    /** {gradient a, gradient b, H11, H22, H21} of the objective, with sigma on the Hessian's diagonal. */
    private static double[] derivatives(double[] scores, double[] t, double a, double b) {
        double h11 = SIGMA;
        double h22 = SIGMA;
        double h21 = 0.0;
        double g1 = 0.0;
        double g2 = 0.0;
        for (int i = 0; i < scores.length; i++) {
            double fApB = scores[i] * a + b;
            double p;
            double q;
            if (fApB >= 0) {
                p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                q = 1.0 / (1.0 + Math.exp(-fApB));
            } else {
                p = 1.0 / (1.0 + Math.exp(fApB));
                q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
            }
            double d2 = p * q;
            h11 += scores[i] * scores[i] * d2;
            h22 += d2;
            h21 += scores[i] * d2;
            double d1 = t[i] - p;
            g1 += scores[i] * d1;
            g2 += d1;
        }
        return new double[] {g1, g2, h11, h22, h21};
    }

    private static double objective(double[] scores, double[] t, double a, double b) {
        double f = 0.0;
        for (int i = 0; i < scores.length; i++) {
            double fApB = scores[i] * a + b;
            if (fApB >= 0) {
                f += t[i] * fApB + Math.log1p(Math.exp(-fApB));
            } else {
                f += (t[i] - 1.0) * fApB + Math.log1p(Math.exp(fApB));
            }
        }
        return f;
    }

    @Override
    public void writeParameters(DataOutput out) throws IOException {
        out.writeDouble(a);
        out.writeDouble(b);
    }

    static PlattCalibration read(DataInput in) throws IOException {
        double a = in.readDouble();
        double b = in.readDouble();
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IOException("Platt parameters are not finite");
        }
        return new PlattCalibration(a, b);
    }
}
