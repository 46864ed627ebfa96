package alpha12.core.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.label.LabelSettings;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSets;
import alpha12.core.model.calibration.CalibrationMethod;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WalkForwardValidationTest {

    @Test
    void foldsMatchTimeSeriesSplitWithGap() {
        // sklearn: list(TimeSeriesSplit(n_splits=3, gap=2).split(range(12)))
        // -> train [0], test [3,4,5]; train [0..3], test [6,7,8]; train [0..6], test [9,10,11]
        assertThat(WalkForwardValidation.folds(12, 3, 2)).containsExactly(
                new Fold(1, 1, 3, 6), new Fold(2, 4, 6, 9), new Fold(3, 7, 9, 12));
    }

    @Test
    void firstTrainingWindowAbsorbsTheRemainder() {
        // 11 rows, 2 folds: validation blocks of 11 / 3 = 3 rows at the end: [5,8) and [8,11)
        assertThat(WalkForwardValidation.folds(11, 2, 0)).containsExactly(
                new Fold(1, 5, 5, 8), new Fold(2, 8, 8, 11));
    }

    @Test
    void noTrainingLabelReachesIntoItsValidationWindow() {
        int horizon = 12;
        for (Fold fold : WalkForwardValidation.folds(1000, 5, horizon)) {
            int lastTrainingRow = fold.trainEnd() - 1;
            int lastBarOfItsLabel = lastTrainingRow + horizon;
            assertThat(lastBarOfItsLabel).isLessThan(fold.validationStart());
            assertThat(fold.gap()).isEqualTo(horizon);
        }
    }

    @Test
    void validationBlocksAreContiguousEqualAndEndAtTheLastRow() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int folds = 2 + random.nextInt(8);
            int gap = random.nextInt(30);
            int rows = WalkForwardValidation.minimumRows(folds, gap) + random.nextInt(2000);
            List<Fold> split = WalkForwardValidation.folds(rows, folds, gap);
            assertThat(split).hasSize(folds);
            assertThat(split.get(folds - 1).validationEnd()).isEqualTo(rows);
            for (int k = 0; k < folds; k++) {
                Fold fold = split.get(k);
                assertThat(fold.validationRows()).isEqualTo(rows / (folds + 1));
                assertThat(fold.trainEnd()).isGreaterThanOrEqualTo(1).isEqualTo(fold.validationStart() - gap);
                if (k > 0) {
                    assertThat(fold.validationStart()).isEqualTo(split.get(k - 1).validationEnd());
                }
            }
        }
    }

    @Test
    void everyRowCountFromTheMinimumOnWorks() {
        int minimum = WalkForwardValidation.minimumRows(5, 12);
        assertThat(minimum).isEqualTo(78); // 6 blocks of 13 rows: the first trains on 13 - 12 = 1 row
        assertThat(WalkForwardValidation.folds(minimum, 5, 12).get(0).trainEnd()).isEqualTo(1);
        for (int rows = minimum; rows < minimum + 50; rows++) {
            assertThat(WalkForwardValidation.folds(rows, 5, 12).get(0).trainEnd()).isGreaterThanOrEqualTo(1);
        }
        assertThatThrownBy(() -> WalkForwardValidation.folds(minimum - 1, 5, 12))
                .hasMessageContaining("too few").hasMessageContaining("at least 78");
    }

    @Test
    void tooFewRowsOrFoldsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WalkForwardValidation.folds(5, 5, 0)).hasMessageContaining("5 rows are too few");
        assertThatThrownBy(() -> WalkForwardValidation.folds(100, 1, 0)).hasMessageContaining("at least 2 folds");
    }

    @Test
    void foldsWithOneClassAreSkippedAndCounted() {
        TrainingSet base = TrainingSets.signal(240, 3);
        int[] y = base.y().clone();
        // 3 folds of 60 validation rows, the first trains on rows [0, 60 - 12): make them all 0
        for (int i = 0; i < 60; i++) {
            y[i] = 0;
        }
        TrainingSet set = new TrainingSet(base.x(), y, base.openTimes(), new LabelSettings(12, 1.0));
        OutOfFoldPredictions oof = WalkForwardValidation.predict(set, TrainingSets.small(CalibrationMethod.PLATT));
        assertThat(oof.folds()).isEqualTo(2);
        assertThat(oof.skippedFolds()).isEqualTo(1);
        assertThat(oof.rows()).hasSize(120);
        assertThat(oof.rows()[0]).isEqualTo(120);
        assertThat(oof.rows()[119]).isEqualTo(239);
        assertThat(oof.y()[0]).isEqualTo(y[120]);
    }
}
