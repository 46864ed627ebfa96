package alpha12.core.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.FeatureImportance;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSets;
import alpha12.core.model.TrainingSettings;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.validation.ValidationMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void learnsARealSignalAndReportsHonestNumbers() throws TrainingException {
        TrainingSet set = TrainingSets.signal(600, 1);
        TrainingResult result = new ModelTrainer(TrainingSets.small(CalibrationMethod.PLATT), CLOCK).train(set);
        ValidationMetrics v = result.validation();
        assertThat(v.folds()).isEqualTo(3);
        assertThat(v.skippedFolds()).isZero();
        assertThat(v.samples()).isEqualTo(3 * (600 / 4));
        assertThat(v.rocAuc()).isGreaterThan(0.75);
        assertThat(v.brier()).isLessThan(v.brierBaseline());
        assertThat(v.reliability()).hasSize(10);
        assertThat(result.topFeatureNames()).hasSize(5).startsWith(FeatureNames.ALL.get(0));
        assertThat(result.topFeatures().stream().mapToDouble(FeatureImportance::importance).sum()).isLessThan(1.0);
        assertThat(result.samples()).isEqualTo(600);
        assertThat(result.dataStart()).isEqualTo(Instant.ofEpochMilli(set.openTimes()[0]));
        assertThat(result.dataEnd()).isEqualTo(Instant.ofEpochMilli(set.openTimes()[599]));
        assertThat(result.trainedAt()).isEqualTo(CLOCK.instant());
        assertThat(result.trainAccuracy()).isGreaterThan(v.accuracy());
        AnalysisRow row = AnalysisRow.of(result, new Timeframe("BTCUSDT", Interval.H1), CLOCK.instant());
        assertThat(row.accuracy()).isEqualTo(result.trainAccuracy());
        assertThat(row.cvAccuracy()).isEqualTo(v.accuracy());
        assertThat(row.cvF1()).isEqualTo(v.f1());
        assertThat(row.winRate()).isEqualTo(set.positiveRate());
        assertThat(row.features()).isEqualTo(44);
        assertThat(row.topFeatures()).isEqualTo(result.topFeatureNames());
        assertThat(row.calibrated()).isTrue();
        assertThat(row.modelType()).isEqualTo("rf");
    }

    @Test
    void topFeaturesAreOnlyFeaturesSomeSplitUsed() {
        double[] importance = new double[FeatureNames.ALL.size()];
        assertThat(ModelTrainer.topFeatures(importance)).as("a forest of single leaves").isEmpty();
        importance[7] = 3;
        importance[2] = 1;
        assertThat(ModelTrainer.topFeatures(importance)).containsExactly(
                new FeatureImportance(FeatureNames.ALL.get(7), 0.75), new FeatureImportance(FeatureNames.ALL.get(2), 0.25));
    }

    @Test
    void theLeafShrinksToFivePercentOfASmallTrainingSet() {
        ForestSettings defaults = ForestSettings.DEFAULT;
        assertThat(defaults.nodeSizeFor(34_560)).isEqualTo(50);
        assertThat(defaults.nodeSizeFor(1_000)).isEqualTo(50);
        assertThat(defaults.nodeSizeFor(540)).isEqualTo(27);
        assertThat(defaults.nodeSizeFor(94)).isEqualTo(5);
        assertThat(defaults.nodeSizeFor(7)).isEqualTo(ForestSettings.MIN_LEAF_ROWS);
        assertThat(new ForestSettings(200, 42L, 12, 256, 2).nodeSizeFor(94)).as("a smaller setting stays").isEqualTo(2);
    }

    @Test
    void twoTrainingsGiveIdenticalProbabilities() throws TrainingException {
        TrainingSet set = TrainingSets.signal(500, 2);
        TrainingSettings settings = TrainingSets.small(CalibrationMethod.ISOTONIC);
        TrainingResult first = new ModelTrainer(settings, CLOCK).train(set);
        TrainingResult second = new ModelTrainer(settings, CLOCK).train(set);
        assertThat(second.validation()).isEqualTo(first.validation());
        assertThat(second.model().calibrator()).isEqualTo(first.model().calibrator());
        for (double[] row : set.x()) {
            assertThat(Double.doubleToRawLongBits(second.model().probability(row)))
                    .isEqualTo(Double.doubleToRawLongBits(first.model().probability(row)));
        }
    }

    @Test
    void everyCalibrationGivesProbabilitiesInsideZeroOne() throws TrainingException {
        TrainingSet set = TrainingSets.signal(400, 3);
        for (CalibrationMethod method : CalibrationMethod.values()) {
            TrainingResult result = new ModelTrainer(TrainingSets.small(method), CLOCK).train(set);
            assertThat(result.model().calibration()).isEqualTo(method);
            for (double[] row : set.x()) {
                assertThat(result.model().probability(row)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void oneClassOnlyIsRefusedWithTheReason() {
        TrainingSet base = TrainingSets.signal(300, 4);
        int[] ones = new int[300];
        Arrays.fill(ones, 1);
        TrainingSet set = new TrainingSet(base.x(), ones, base.openTimes(), LabelSettings.DEFAULT);
        assertThatThrownBy(() -> new ModelTrainer(TrainingSets.small(CalibrationMethod.PLATT), CLOCK).train(set))
                .isInstanceOf(TrainingException.class).hasMessageContaining("all 300 labelled rows have label 1");
    }

    @Test
    void tooFewRowsAreRefusedWithTheMinimum() {
        TrainingSet set = TrainingSets.signal(40, 5);
        assertThatThrownBy(() -> new ModelTrainer(TrainingSets.small(CalibrationMethod.PLATT), CLOCK).train(set))
                .isInstanceOf(TrainingException.class).hasMessageContaining("need at least 52");
    }

    @Test
    void scoringRefusesRowsOfTheWrongWidthOrWithNonFiniteValues() throws TrainingException {
        TrainingResult result = new ModelTrainer(TrainingSets.small(CalibrationMethod.PLATT), CLOCK)
                .train(TrainingSets.signal(300, 6));
        assertThatThrownBy(() -> result.model().probability(new double[43])).hasMessageContaining("43 values");
        double[] row = new double[44];
        row[7] = Double.NaN;
        assertThatThrownBy(() -> result.model().probability(row)).hasMessageContaining(FeatureNames.ALL.get(7));
    }

    @Test
    void aTrainingSetRefusesRowsOutOfOrderOrIncomplete() {
        TrainingSet ok = TrainingSets.signal(10, 7);
        long[] shuffled = ok.openTimes().clone();
        shuffled[4] = shuffled[3];
        assertThatThrownBy(() -> new TrainingSet(ok.x(), ok.y(), shuffled, LabelSettings.DEFAULT))
                .hasMessageContaining("open times must increase");
        double[][] x = ok.x().clone();
        x[2] = new double[44];
        x[2][0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new TrainingSet(x, ok.y(), ok.openTimes(), LabelSettings.DEFAULT))
                .hasMessageContaining("feature " + FeatureNames.ALL.get(0) + " of row 2");
        int[] y = ok.y().clone();
        y[0] = 2;
        assertThatThrownBy(() -> new TrainingSet(ok.x(), y, ok.openTimes(), LabelSettings.DEFAULT))
                .hasMessageContaining("labels are 0 or 1");
    }
}
