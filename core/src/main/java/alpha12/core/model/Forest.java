package alpha12.core.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A trained random forest compiled to flat arrays: each tree's nodes are stored in pre-order, so a
 * child's index is always greater than its parent's. Scoring walks the trees on a {@code double[]} row
 * without allocating, and gives exactly the probability Smile's {@code RandomForest.predict} gives:
 * leaf posteriors {@code (count + 1) / (size + 2)}, summed with each tree's out-of-bag accuracy as
 * weight, then normalised.
 */
public final class Forest {

    private static final int LEAF = -1;

    private final int features;
    private final int[] roots;
    private final double[] weights;
    private final int[] feature;
    private final double[] threshold;
    private final int[] whenBelow;
    private final int[] whenAbove;
    private final int[] count0;
    private final int[] count1;
    private final double[] p0;
    private final double[] p1;

    Forest(int features, int[] roots, double[] weights, int[] feature, double[] threshold, int[] whenBelow,
            int[] whenAbove, int[] count0, int[] count1) {
        this.features = features;
        this.roots = roots;
        this.weights = weights;
        this.feature = feature;
        this.threshold = threshold;
        this.whenBelow = whenBelow;
        this.whenAbove = whenAbove;
        this.count0 = count0;
        this.count1 = count1;
        this.p0 = new double[feature.length];
        this.p1 = new double[feature.length];
        for (int node = 0; node < feature.length; node++) {
            if (feature[node] == LEAF) {
                // as smile.base.cart.DecisionNode.posteriori: (count + 1) / (size + k), k = 2
                double size = (double) ((long) count0[node] + count1[node] + 2);
                p0[node] = (count0[node] + 1) / size;
                p1[node] = (count1[node] + 1) / size;
            }
        }
    }

    /** Number of features a row must have. */
    public int features() {
        return features;
    }

    public int trees() {
        return roots.length;
    }

    /** Total nodes over all trees. */
    public int nodes() {
        return feature.length;
    }

    /** Probability of class 1 for one row of {@link #features()} values. */
    public double probability(double[] row) {
        double s0 = 0.0;
        double s1 = 0.0;
        for (int t = 0; t < roots.length; t++) {
            int node = roots[t];
            while (feature[node] != LEAF) {
                // NaN compares false and goes above, as in Smile's OrdinalNode
                node = row[feature[node]] <= threshold[node] ? whenBelow[node] : whenAbove[node];
            }
            s0 += weights[t] * p0[node];
            s1 += weights[t] * p1[node];
        }
        return s1 / (Math.abs(s0) + Math.abs(s1));
    }

    /** Class-1 probabilities of rows {@code [from, to)} of {@code x}. */
    public double[] probabilities(double[][] x, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = probability(x[i]);
        }
        return out;
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(features);
        out.writeInt(roots.length);
        out.writeInt(feature.length);
        for (int t = 0; t < roots.length; t++) {
            out.writeInt(roots[t]);
            out.writeDouble(weights[t]);
        }
        for (int node = 0; node < feature.length; node++) {
            out.writeInt(feature[node]);
            if (feature[node] == LEAF) {
                out.writeInt(count0[node]);
                out.writeInt(count1[node]);
            } else {
                out.writeDouble(threshold[node]);
                out.writeInt(whenBelow[node]);
                out.writeInt(whenAbove[node]);
            }
        }
    }

    /**
     * Reads a forest written by {@link #write}, checking every index so that a damaged file can never
     * make scoring loop, read out of bounds or return a non-probability.
     */
    public static Forest read(DataInput in, int maxBytes) throws IOException {
        int features = in.readInt();
        int trees = in.readInt();
        int nodes = in.readInt();
        if (features < 1 || trees < 1 || nodes < trees || (long) trees * 12 + (long) nodes * 12 > maxBytes) {
            throw new IOException("implausible forest shape: " + features + " features, " + trees + " trees, "
                    + nodes + " nodes");
        }
        int[] roots = new int[trees];
        double[] weights = new double[trees];
        for (int t = 0; t < trees; t++) {
            roots[t] = in.readInt();
            weights[t] = in.readDouble();
            if (!(weights[t] >= 0 && weights[t] <= 1)) {
                throw new IOException("tree " + t + " has weight " + weights[t] + ", not in [0, 1]");
            }
            if (roots[t] < 0 || roots[t] >= nodes || (t > 0 && roots[t] <= roots[t - 1])) {
                throw new IOException("tree " + t + " starts at node " + roots[t] + ", out of order");
            }
        }
        if (roots[0] != 0) {
            throw new IOException("first tree starts at node " + roots[0] + ", not 0");
        }
        if (!(Arrays.stream(weights).sum() > 0)) {
            throw new IOException("all tree weights are zero");
        }
        return readNodes(in, features, roots, weights, nodes);
    }

    private static Forest readNodes(DataInput in, int features, int[] roots, double[] weights, int nodes)
            throws IOException {
        int trees = roots.length;
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] below = new int[nodes];
        int[] above = new int[nodes];
        int[] c0 = new int[nodes];
        int[] c1 = new int[nodes];
        int tree = 0;
        for (int node = 0; node < nodes; node++) {
            while (tree + 1 < trees && node >= roots[tree + 1]) {
                tree++;
            }
            int treeEnd = tree + 1 < trees ? roots[tree + 1] : nodes;
            feature[node] = in.readInt();
            if (feature[node] == LEAF) {
                c0[node] = in.readInt();
                c1[node] = in.readInt();
                if (c0[node] < 0 || c1[node] < 0) {
                    throw new IOException("leaf " + node + " has negative counts");
                }
            } else {
                threshold[node] = in.readDouble();
                below[node] = in.readInt();
                above[node] = in.readInt();
                if (feature[node] < 0 || feature[node] >= features || Double.isNaN(threshold[node])
                        || !child(node, below[node], treeEnd) || !child(node, above[node], treeEnd)) {
                    throw new IOException("node " + node + " of tree " + tree + " is malformed");
                }
            }
        }
        return new Forest(features, roots, weights, feature, threshold, below, above, c0, c1);
    }

    private static boolean child(int parent, int child, int treeEnd) {
        return child > parent && child < treeEnd;
    }
}
