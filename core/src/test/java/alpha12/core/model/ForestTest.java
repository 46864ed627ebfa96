package alpha12.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;
import smile.data.DataFrame;

class ForestTest {

    private final TrainingSet set = TrainingSets.signal(400, 21);

    @Test
    void compiledForestGivesExactlySmilesProbabilities() {
        RandomForest smile = ForestTrainer.fitSmile(set.x(), set.y(), 300, TrainingSets.smallForest());
        Forest forest = ForestTrainer.compile(smile, set.x()[0].length);
        DataFrame rows = DataFrame.of(set.x(), ForestTrainer.columnNames(set.x()[0].length));
        double[] posteriori = new double[2];
        for (int i = 0; i < set.size(); i++) {
            smile.predict(rows.get(i), posteriori);
            assertThat(forest.probability(set.x()[i])).as("row %d", i).isEqualTo(posteriori[1]);
        }
    }

    @Test
    void sameDataAndSettingsGiveIdenticalProbabilities() {
        ForestSettings settings = new ForestSettings(40, 7L, 8, 32, 3);
        Forest first = ForestTrainer.fit(set.x(), set.y(), 350, settings).forest();
        Forest second = ForestTrainer.fit(set.x(), set.y(), 350, settings).forest();
        assertThat(bits(second.probabilities(set.x(), 0, set.size())))
                .containsExactly(bits(first.probabilities(set.x(), 0, set.size())));
        Forest otherSeed = ForestTrainer.fit(set.x(), set.y(), 350, new ForestSettings(40, 8L, 8, 32, 3)).forest();
        assertThat(bits(otherSeed.probabilities(set.x(), 0, set.size())))
                .isNotEqualTo(bits(first.probabilities(set.x(), 0, set.size())));
    }

    @Test
    void probabilitiesDoNotDependOnHowManyThreadsBuildTheTrees() throws Exception {
        // Smile's parallel streams run in the pool of the thread that starts them
        ForestSettings settings = new ForestSettings(24, 3L, 8, 32, 3);
        long[] one = fitIn(new ForkJoinPool(1), settings);
        long[] four = fitIn(new ForkJoinPool(4), settings);
        assertThat(four).containsExactly(one);
    }

    private long[] fitIn(ForkJoinPool pool, ForestSettings settings) throws Exception {
        try {
            return pool.submit(() -> bits(ForestTrainer.fit(set.x(), set.y(), 350, settings).forest()
                    .probabilities(set.x(), 0, set.size()))).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void treeSizeRespectsTheBounds() {
        RandomForest smile = ForestTrainer.fitSmile(set.x(), set.y(), 400, new ForestSettings(10, 1L, 4, 6, 5));
        for (var tree : smile.trees()) {
            assertThat(tree.root().leaves()).isLessThanOrEqualTo(6);
            assertThat(tree.root().depth()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void probabilitiesAreInsideZeroOne() {
        Forest forest = ForestTrainer.fit(set.x(), set.y(), 400, TrainingSets.smallForest()).forest();
        for (double p : forest.probabilities(set.x(), 0, set.size())) {
            assertThat(p).isBetween(0.0, 1.0);
        }
    }

    @Test
    void writtenForestReadsBackIdentical() throws IOException {
        Forest forest = ForestTrainer.fit(set.x(), set.y(), 400, TrainingSets.smallForest()).forest();
        byte[] bytes = write(forest);
        Forest read = Forest.read(new DataInputStream(new ByteArrayInputStream(bytes)), bytes.length);
        assertThat(read.nodes()).isEqualTo(forest.nodes());
        assertThat(bits(read.probabilities(set.x(), 0, set.size())))
                .containsExactly(bits(forest.probabilities(set.x(), 0, set.size())));
    }

    @Test
    void readingRefusesAChildPointingBackwards() throws IOException {
        Forest forest = ForestTrainer.fit(set.x(), set.y(), 400, TrainingSets.smallForest()).forest();
        byte[] bytes = write(forest);
        // header: features, trees, nodes, then (root, weight) per tree, then node 0 = the first root, a split:
        // feature (int), threshold (double), below (int), above (int)
        int trees = forest.trees();
        int node0 = 12 + trees * 12;
        ByteBuffer.wrap(bytes).putInt(node0 + 4 + 8, 0); // node 0's left child -> itself: would loop
        assertThatThrownBy(() -> Forest.read(new DataInputStream(new ByteArrayInputStream(bytes)), bytes.length))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed");
    }

    static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }

    private static byte[] write(Forest forest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        forest.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
