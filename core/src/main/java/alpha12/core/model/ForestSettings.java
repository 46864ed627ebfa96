package alpha12.core.model;

/**
 * Random forest hyper-parameters. Tree size is bounded so that a model trained on 120 days of 5m bars
 * (34,560 rows) stays small on disk (0.8 MB) and in memory: {@code maxDepth} counts node levels with the
 * root as 1 (scikit-learn's {@code max_depth} + 1), {@code maxNodes} caps the leaves (trees grow best
 * split first), {@code nodeSize} is the fewest (bootstrap-weighted) rows in a leaf. The defaults were
 * chosen from measurements on real data: docs/benchmarks.md, "Model (issue 4)". On small training sets
 * the leaf size shrinks to 5 % of the rows (at least {@link #MIN_LEAF_ROWS}): see {@link #nodeSizeFor}.
 */
public record ForestSettings(int trees, long seed, int maxDepth, int maxNodes, int nodeSize) {

    public static final int DEFAULT_TREES = 200;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_DEPTH = 12;
    public static final int DEFAULT_MAX_NODES = 256;
    public static final int DEFAULT_NODE_SIZE = 50;

    public static final ForestSettings DEFAULT = new ForestSettings(
            DEFAULT_TREES, DEFAULT_SEED, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_NODE_SIZE);

    /** The smallest leaf size {@link #nodeSizeFor} shrinks to. */
    public static final int MIN_LEAF_ROWS = 5;

    /**
     * The leaf size used on {@code rows} training rows: {@code nodeSize}, but no more than 5 % of the rows
     * (and no less than {@link #MIN_LEAF_ROWS}). A node splits only when both halves can hold a leaf, so with
     * a fixed 50 a forest on the 94 rows of a 1d training (or the 7 to 67 rows of its first validation
     * folds) would never split: one leaf per tree, the base rate for every row, no feature importance. From
     * 1,000 rows up (every 5m, 15m and 1h training) this is {@code nodeSize} itself.
     */
    public int nodeSizeFor(int rows) {
        return Math.min(nodeSize, Math.max(MIN_LEAF_ROWS, rows / 20));
    }
}
