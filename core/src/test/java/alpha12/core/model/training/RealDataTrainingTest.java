package alpha12.core.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureSet;
import alpha12.core.label.LabelSettings;
import alpha12.core.label.LabelledRows;
import alpha12.core.label.TripleBarrierLabel;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.ForestTrainer;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSets;
import alpha12.core.model.TrainingSettings;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.validation.ValidationMetrics;
import alpha12.core.model.validation.WalkForwardValidation;
import alpha12.core.testing.TestKlines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer on real BTCUSDT 1h bars (the bundled sample): the last 120 days of labelled rows, 2,880,
 * as the background analysis trains them.
 */
class RealDataTrainingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int ROWS = 2880;
    private static TrainingSet set;
    private static TrainingSet all;

    @BeforeAll
    static void features() {
        KlineSeries series = TestKlines.sampleSeries(Interval.H1);
        LabelSettings label = LabelSettings.DEFAULT;
        FeatureMatrix features = FeatureSet.compute(series);
        LabelledRows rows = LabelledRows.of(features, TripleBarrierLabel.compute(series, label));
        all = TrainingSet.of(rows, label);
        int from = all.size() - ROWS;
        int to = all.size();
        set = new TrainingSet(Arrays.copyOfRange(all.x(), from, to), Arrays.copyOfRange(all.y(), from, to),
                Arrays.copyOfRange(all.openTimes(), from, to), label);
    }

    @Test
    void withNoiseLabelsTheOutOfFoldAucStaysAtChanceWhileTheForestMemorises() throws TrainingException {
        // all 7,000 labelled rows: about 5,900 out of fold, so chance AUC has a spread of about 0.008
        int[] shuffled = all.y().clone();
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        TrainingSet noise = new TrainingSet(all.x(), shuffled, all.openTimes(), all.label());
        // unbounded trees that memorise their rows: any training row leaking into validation would show
        ForestSettings memorising = new ForestSettings(10, 42L, 40, 100_000, 1);
        TrainingResult result = new ModelTrainer(new TrainingSettings(memorising, CalibrationMethod.PLATT, 5), CLOCK)
                .train(noise);
        assertThat(result.validation().folds()).isEqualTo(5);
        assertThat(result.validation().rocAucRaw()).isBetween(0.45, 0.55);
        assertThat(result.validation().rocAuc()).isBetween(0.45, 0.55);
        int right = 0;
        for (int i = 0; i < noise.size(); i++) {
            right += (result.model().rawProbability(noise.x()[i]) > 0.5 ? 1 : 0) == shuffled[i] ? 1 : 0;
        }
        assertThat((double) right / noise.size()).as("in-sample accuracy of the forest").isGreaterThan(0.9);
    }

    @Test
    void calibratedOutOfFoldBrierIsNoWorseThanPredictingTheBaseRate() throws TrainingException {
        ForestSettings forest = new ForestSettings(40, ForestSettings.DEFAULT_SEED, ForestSettings.DEFAULT_MAX_DEPTH,
                ForestSettings.DEFAULT_MAX_NODES, ForestSettings.DEFAULT_NODE_SIZE);
        TrainingResult result = new ModelTrainer(new TrainingSettings(forest, CalibrationMethod.PLATT, 5), CLOCK)
                .train(set);
        ValidationMetrics v = result.validation();
        assertThat(v.folds()).isEqualTo(5);
        // the out-of-fold rows are the validation rows of the five folds
        int firstValidation = WalkForwardValidation.folds(ROWS, 5, set.label().horizonBars()).get(0).validationStart();
        double baseRate = set.positiveRate();
        double baseRateBrier = 0;
        for (int i = firstValidation; i < ROWS; i++) {
            baseRateBrier += (baseRate - set.y()[i]) * (baseRate - set.y()[i]);
        }
        baseRateBrier /= ROWS - firstValidation;
        assertThat(v.samples()).isEqualTo(ROWS - firstValidation);
        assertThat(v.brier()).isLessThanOrEqualTo(baseRateBrier + 0.005);
        assertThat(v.brier()).isLessThanOrEqualTo(v.brierBaseline() + 0.005);
        assertThat(v.ece()).isLessThan(0.05);
    }

    @Test
    void aDailyModelOnItsFewRowsSplitsWithTheDefaultSettings() throws TrainingException {
        // 1d trains on its minimum rows (80 + the label horizon, 94 here): with a fixed 50-row leaf no tree
        // could split, and every feature's importance would be 0
        KlineSeries daily = TestKlines.sampleSeries(Interval.D1);
        LabelledRows rows = LabelledRows.of(FeatureSet.compute(daily), TripleBarrierLabel.compute(daily,
                LabelSettings.DEFAULT));
        TrainingSet dailySet = TrainingSet.of(rows, LabelSettings.DEFAULT);
        int from = dailySet.size() - 94;
        TrainingSet last94 = new TrainingSet(Arrays.copyOfRange(dailySet.x(), from, dailySet.size()),
                Arrays.copyOfRange(dailySet.y(), from, dailySet.size()),
                Arrays.copyOfRange(dailySet.openTimes(), from, dailySet.size()), LabelSettings.DEFAULT);

        ForestTrainer.Fitted fitted = ForestTrainer.fit(last94.x(), last94.y(), 94, ForestSettings.DEFAULT);
        assertThat(fitted.forest().nodes()).as("nodes of 200 trees").isGreaterThan(3 * 200);
        TrainingResult result = new ModelTrainer(new TrainingSettings(ForestSettings.DEFAULT, CalibrationMethod.PLATT,
                5), CLOCK).train(last94);
        assertThat(result.topFeatures()).hasSize(5).allSatisfy(f -> assertThat(f.importance()).isPositive());
    }

    @Test
    void theLatestBarScoresToAProbability() throws TrainingException {
        TrainingResult result = new ModelTrainer(TrainingSets.small(CalibrationMethod.ISOTONIC), CLOCK).train(set);
        double[] latest = FeatureSet.compute(TestKlines.sampleSeries(Interval.H1)).latest().orElseThrow().values();
        assertThat(result.model().probability(latest)).isBetween(0.0, 1.0);
    }
}
