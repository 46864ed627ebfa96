package alpha12.core.model.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores of probabilistic predictions {@code p} against 0/1 labels {@code y}. The class threshold is
 * 0.5 and, as scikit-learn's {@code predict}, a probability of exactly 0.5 counts as class 0.
 */
public final class ProbabilityMetrics {

    /** Probabilities are clipped to [EPS, 1 - EPS] for the log loss, so one certain miss is not infinite. */
    public static final double LOG_LOSS_EPS = 1e-15;

    private ProbabilityMetrics() {
    }

    public static boolean predictsPositive(double p) {
        return p > 0.5;
    }

    public static double accuracy(double[] p, int[] y) {
        check(p, y);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (predictsPositive(p[i]) ? 1 : 0) == y[i] ? 1 : 0;
        }
        return (double) right / p.length;
    }

    /** Precision of class 1; 0 when nothing is predicted positive (scikit-learn's zero_division=0). */
    public static double precision(double[] p, int[] y) {
        int[] c = confusion(p, y);
        return c[0] + c[1] == 0 ? 0.0 : (double) c[0] / (c[0] + c[1]);
    }

    /** Recall of class 1; 0 when no row is labelled 1. */
    public static double recall(double[] p, int[] y) {
        int[] c = confusion(p, y);
        return c[0] + c[2] == 0 ? 0.0 : (double) c[0] / (c[0] + c[2]);
    }

    public static double f1(double[] p, int[] y) {
        int[] c = confusion(p, y);
        int denominator = 2 * c[0] + c[1] + c[2];
        return denominator == 0 ? 0.0 : 2.0 * c[0] / denominator;
    }

    /** {true positives, false positives, false negatives}. */
    private static int[] confusion(double[] p, int[] y) {
        check(p, y);
        int[] c = new int[3];
        for (int i = 0; i < p.length; i++) {
            boolean positive = predictsPositive(p[i]);
            if (positive && y[i] == 1) {
                c[0]++;
            } else if (positive) {
                c[1]++;
            } else if (y[i] == 1) {
                c[2]++;
            }
        }
        return c;
    }

    /** Mean squared difference between probability and label. */
    public static double brier(double[] p, int[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
        }
        return sum / p.length;
    }

    /** Mean negative log-likelihood, natural log. */
    public static double logLoss(double[] p, int[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i]));
            sum -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    /**
     * Area under the ROC curve: the probability that a random row labelled 1 scores above a random row
     * labelled 0, ties counting half (Mann-Whitney, average ranks). NaN when one class is absent.
     */
    public static double rocAuc(double[] p, int[] y) {
        check(p, y);
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1.0; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Equal-width bins over [0, 1]; a probability of exactly 1 falls in the last bin. */
    public static List<ReliabilityBin> reliability(double[] p, int[] y, int bins) {
        check(p, y);
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = bin(p[i], bins);
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double mean = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
            double rate = count[b] == 0 ? Double.NaN : sumY[b] / count[b];
            out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b], mean, rate));
        }
        return out;
    }

    /** Expected calibration error: sum over bins of |mean probability - share labelled 1| · rows / all rows. */
    public static double expectedCalibrationError(double[] p, int[] y, int bins) {
        double ece = 0;
        for (ReliabilityBin bin : reliability(p, y, bins)) {
            if (bin.count() > 0) {
                ece += Math.abs(bin.meanPredicted() - bin.observedRate()) * bin.count() / p.length;
            }
        }
        return ece;
    }

    static int bin(double p, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.floor(p * bins)));
    }

    private static void check(double[] p, int[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("need equally many probabilities and labels, at least one; got "
                    + p.length + " and " + y.length);
        }
    }
}
