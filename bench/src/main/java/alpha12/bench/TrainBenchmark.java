package alpha12.bench;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.training.ModelTrainer;
import alpha12.core.model.publish.PublishedModel;
import alpha12.core.model.publish.Publication;
import alpha12.core.model.training.TrainingException;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSettings;
import alpha12.core.model.validation.ValidationMetrics;
import alpha12.core.store.RunsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains our model (walk-forward validation, calibration, final fit) on an exported dataset CSV
 * ({@code open_time,<44 features>,label}) and prints wall time, out-of-fold scores and the published
 * model's size; {@code bench/train-vs-sklearn.sh} runs it under {@code /usr/bin/time -v} beside scikit-learn.
 * <p>
 * Usage: {@code TrainBenchmark --defaults} (prints the default forest bounds), or
 * {@code TrainBenchmark <dataset.csv> [--trees N] [--max-depth N] [--max-nodes N] [--node-size N]
 * [--folds N] [--horizon N] [--calibration platt|isotonic|none] [--publish-dir DIR]}
 */
public final class TrainBenchmark {

    private TrainBenchmark() {
    }

    public static void main(String[] args) throws IOException, TrainingException {
        if (args.length == 1 && args[0].equals("--defaults")) {
            ForestSettings d = ForestSettings.DEFAULT;
            System.out.println(d.trees() + " " + d.maxDepth() + " " + d.maxNodes() + " " + d.nodeSize());
            return;
        }
        if (args.length == 0) {
            System.err.println("usage: TrainBenchmark <dataset.csv> [--trees N] [--max-depth N] [--max-nodes N] "
                    + "[--node-size N] [--folds N] [--horizon N] [--calibration platt|isotonic|none] "
                    + "[--publish-dir DIR]");
            System.exit(2);
        }
        Path dataset = Path.of(args[0]);
        ForestSettings d = ForestSettings.DEFAULT;
        int trees = d.trees();
        int maxDepth = d.maxDepth();
        int maxNodes = d.maxNodes();
        int nodeSize = d.nodeSize();
        int folds = TrainingSettings.DEFAULT_FOLDS;
        int horizon = LabelSettings.DEFAULT.horizonBars();
        CalibrationMethod calibration = CalibrationMethod.PLATT;
        Path publishDir = null;
        for (int i = 1; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--trees" -> trees = Integer.parseInt(value);
                case "--max-depth" -> maxDepth = Integer.parseInt(value);
                case "--max-nodes" -> maxNodes = Integer.parseInt(value);
                case "--node-size" -> nodeSize = Integer.parseInt(value);
                case "--folds" -> folds = Integer.parseInt(value);
                case "--horizon" -> horizon = Integer.parseInt(value);
                case "--calibration" -> calibration = CalibrationMethod.fromCode(value)
                        .orElseThrow(() -> new IllegalArgumentException("--calibration platt|isotonic|none"));
                case "--publish-dir" -> publishDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TrainingSet set = read(dataset, new LabelSettings(horizon, LabelSettings.DEFAULT.atrMult()));
        ForestSettings forest = new ForestSettings(trees, ForestSettings.DEFAULT_SEED, maxDepth, maxNodes, nodeSize);
        TrainingSettings settings = new TrainingSettings(forest, calibration, folds);

        long start = System.nanoTime();
        TrainingResult result = new ModelTrainer(settings, Clock.systemUTC()).train(set);
        double seconds = (System.nanoTime() - start) / 1e9;

        ValidationMetrics v = result.validation();
        System.out.printf(Locale.ROOT, "java rows=%d features=%d trees=%d max_depth=%d max_nodes=%d"
                        + " node_size=%d folds=%d gap=%d calibration=%s%n", set.size(), FeatureNames.COUNT, trees,
                maxDepth, maxNodes, nodeSize, folds, horizon, calibration);
        System.out.printf(Locale.ROOT, "java train_seconds=%.3f oof_auc=%.4f oof_auc_raw=%.4f oof_brier=%.5f"
                        + " brier_baseline=%.5f oof_log_loss=%.5f ece=%.4f oof_accuracy=%.4f train_accuracy=%.4f"
                        + " used_folds=%d skipped=%d%n",
                seconds, v.rocAuc(), v.rocAucRaw(), v.brier(), v.brierBaseline(), v.logLoss(), v.ece(), v.accuracy(),
                result.trainAccuracy(), v.folds(), v.skippedFolds());
        if (publishDir != null) {
            PublishedModel published = new ModelStore(new RunsStore(publishDir, Clock.systemUTC()))
                    .publish(new Timeframe("BTCUSDT", Interval.M15), result, Publication.manual());
            System.out.printf(Locale.ROOT, "java model_bin_bytes=%d meta_json_bytes=%d nodes=%d%n",
                    Files.size(published.folder().resolve(ModelStore.MODEL_FILE)),
                    Files.size(published.folder().resolve(ModelStore.META_FILE)),
                    published.meta().forest().nodesTotal());
        }
    }

    /** Reads {@code open_time,<44 features>,label}, oldest first. */
    static TrainingSet read(Path csv, LabelSettings label) throws IOException {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv)) {
            String[] header = reader.readLine().split(",");
            if (header.length != FeatureNames.COUNT + 2) {
                throw new IllegalArgumentException(csv + ": expected open_time, " + FeatureNames.COUNT
                        + " features and label, found " + header.length + " columns");
            }
            if (!Arrays.asList(header).subList(1, header.length - 1).equals(FeatureNames.ALL)) {
                System.err.println("note: " + csv + " has other feature column names than FeatureNames.ALL");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                double[] row = new double[FeatureNames.COUNT];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(f[j + 1]);
                }
                open.add(Long.parseLong(f[0]));
                x.add(row);
                y.add(Integer.parseInt(f[f.length - 1]));
            }
        }
        return new TrainingSet(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                open.stream().mapToLong(Long::longValue).toArray(), label);
    }
}
