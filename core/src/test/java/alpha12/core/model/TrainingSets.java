package alpha12.core.model;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.model.calibration.CalibrationMethod;
import java.util.SplittableRandom;

/** Seeded synthetic training sets for tests that are about mechanics, not markets. */
public final class TrainingSets {

    static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z
    static final long HOUR = 3_600_000L;

    private TrainingSets() {
    }

    /** Gaussian features; the label is 1 when feature 0 plus noise is positive, so a forest can learn it. */
    public static TrainingSet signal(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][FeatureNames.COUNT];
        int[] y = new int[rows];
        long[] open = new long[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < FeatureNames.COUNT; j++) {
                x[i][j] = gaussian(random);
            }
            y[i] = x[i][0] + 0.7 * gaussian(random) > 0 ? 1 : 0;
            open[i] = START + i * HOUR;
        }
        return new TrainingSet(x, y, open, LabelSettings.DEFAULT);
    }

    public static ForestSettings smallForest() {
        return new ForestSettings(15, 42L, 6, 16, 5);
    }

    public static TrainingSettings small(CalibrationMethod calibration) {
        return new TrainingSettings(smallForest(), calibration, 3);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
