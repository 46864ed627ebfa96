package alpha12.core.model;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Fits Smile's random forest on the first rows of a feature matrix and compiles it to a {@link Forest}.
 * Every tree gets its own seed from {@link ForestSettings#seed()}: Smile reseeds its thread-local
 * generator per tree and builds each tree on one thread (its split search runs in parallel only when a
 * node considers every feature, which mtry = sqrt(p) avoids), so the trees, and therefore the
 * probabilities, are the same bit for bit however the trees are spread over threads.
 */
public final class ForestTrainer {

    private static final String LABEL = "label";
    private static final Field ORDINAL_THRESHOLD = thresholdField();

    /** A compiled forest and Smile's impurity-decrease importance per feature, summed over the trees. */
    public record Fitted(Forest forest, double[] importance) {
    }

    private ForestTrainer() {
    }

    /** Features tried at each split: floor(sqrt(p)), as both Smile and scikit-learn default to. */
    public static int mtry(int features) {
        return Math.max(1, (int) Math.sqrt(features));
    }

    /** Fits on rows {@code [0, rows)}; both classes must be present. */
    public static Fitted fit(double[][] x, int[] y, int rows, ForestSettings settings) {
        RandomForest forest = fitSmile(x, y, rows, settings);
        return new Fitted(compile(forest, x[0].length), forest.importance().clone());
    }

    static RandomForest fitSmile(double[][] x, int[] y, int rows, ForestSettings settings) {
        int features = x[0].length;
        DataFrame data = DataFrame.of(Arrays.copyOf(x, rows), columnNames(features))
                .merge(IntVector.of(LABEL, Arrays.copyOf(y, rows)));
        return RandomForest.fit(Formula.lhs(LABEL), data, settings.trees(), mtry(features), SplitRule.GINI,
                settings.maxDepth(), settings.maxNodes(), settings.nodeSizeFor(rows), 1.0, null,
                seeds(settings.seed(), settings.trees()));
    }

    static String[] columnNames(int features) {
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "f" + j;
        }
        return names;
    }

    /** Distinct per-tree seeds above 1 (Smile leaves its generator unseeded for seeds 0 and 1). */
    static LongStream seeds(long seed, int trees) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<Long> out = new LinkedHashSet<>();
        while (out.size() < trees) {
            out.add(random.nextLong(2, Long.MAX_VALUE));
        }
        return out.stream().mapToLong(Long::longValue);
    }

    static Forest compile(RandomForest forest, int features) {
        RandomForest.Model[] models = forest.models();
        int total = 0;
        for (RandomForest.Model model : models) {
            total += countNodes(model.tree.root());
        }
        Compiler c = new Compiler(total);
        int[] roots = new int[models.length];
        double[] weights = new double[models.length];
        boolean finite = true;
        for (int t = 0; t < models.length; t++) {
            roots[t] = c.add(models[t].tree.root());
            weights[t] = models[t].weight;
            finite &= Double.isFinite(weights[t]) && weights[t] >= 0;
        }
        if (!finite || Arrays.stream(weights).sum() <= 0) {
            // a tree without out-of-bag rows has no accuracy (tiny data sets only): weigh trees equally
            Arrays.fill(weights, 1.0);
        }
        return new Forest(features, roots, weights, c.feature, c.threshold, c.below, c.above, c.count0, c.count1);
    }

    private static int countNodes(Node node) {
        if (node instanceof InternalNode internal) {
            return 1 + countNodes(internal.trueChild()) + countNodes(internal.falseChild());
        }
        return 1;
    }

    /** Lays nodes out in pre-order. */
    private static final class Compiler {
        final int[] feature;
        final double[] threshold;
        final int[] below;
        final int[] above;
        final int[] count0;
        final int[] count1;
        int next;

        Compiler(int nodes) {
            feature = new int[nodes];
            threshold = new double[nodes];
            below = new int[nodes];
            above = new int[nodes];
            count0 = new int[nodes];
            count1 = new int[nodes];
        }

        int add(Node node) {
            int index = next++;
            if (node instanceof OrdinalNode split) {
                feature[index] = split.feature();
                threshold[index] = threshold(split);
                below[index] = add(split.trueChild());
                above[index] = add(split.falseChild());
            } else if (node instanceof DecisionNode leaf) {
                int[] count = leaf.count();
                if (count.length != 2) {
                    throw new IllegalStateException("a leaf with " + count.length + " classes; the label is binary");
                }
                feature[index] = -1;
                count0[index] = count[0];
                count1[index] = count[1];
            } else {
                throw new IllegalStateException("unexpected tree node " + node.getClass().getName()
                        + "; features are all numeric");
            }
            return index;
        }
    }

    private static double threshold(OrdinalNode split) {
        try {
            return ORDINAL_THRESHOLD.getDouble(split);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the split value of a Smile tree node", e);
        }
    }

    // Smile 3.1.1 keeps a numeric split's threshold in a package-private field without an accessor;
    // ForestTest checks the compiled forest against Smile's own predictions, so a change shows at once.
    private static Field thresholdField() {
        try {
            Field field = OrdinalNode.class.getDeclaredField("value");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Smile's OrdinalNode has no 'value' field: is Smile still 3.1.1?", e);
        }
    }
}
