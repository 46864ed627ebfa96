package alpha12.core.model;

/**
 * Random forest hyper-parameters. Tree size is bounded so that a model trained on 120 days of 5m bars
 * (34,560 rows) stays small on disk (0.8 MB) and in memory: {@code maxDepth} counts node levels with the
 * root as 1 (scikit-learn's {@code max_depth} + 1), {@code maxNodes} caps the leaves (trees grow best
 * split first), {@code nodeSize} is the fewest (bootstrap-weighted) rows in a leaf. The defaults were
 * chosen from measurements on real data: docs/benchmarks.md, "Model (issue 4)".
 */
public record ForestSettings(int trees, long seed, int maxDepth, int maxNodes, int nodeSize) {

    public static final int DEFAULT_TREES = 200;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_DEPTH = 12;
    public static final int DEFAULT_MAX_NODES = 256;
    public static final int DEFAULT_NODE_SIZE = 50;

    public static final ForestSettings DEFAULT = new ForestSettings(
            DEFAULT_TREES, DEFAULT_SEED, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_NODE_SIZE);
}
