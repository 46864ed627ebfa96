package alpha12.core.model;

/**
 * Random forest hyper-parameters. Tree size is bounded (depth, leaf count, node size) so that a
 * model trained on 120 days of 5m bars stays small in memory and on disk; see docs/benchmarks.md.
 */
public record ForestSettings(int trees, long seed, int maxDepth, int maxNodes, int nodeSize) {

    public static final int DEFAULT_TREES = 200;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_DEPTH = 12;
    public static final int DEFAULT_MAX_NODES = 256;
    public static final int DEFAULT_NODE_SIZE = 20;

    public static final ForestSettings DEFAULT = new ForestSettings(
            DEFAULT_TREES, DEFAULT_SEED, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_NODE_SIZE);
}
