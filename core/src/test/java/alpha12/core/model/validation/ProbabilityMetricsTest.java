package alpha12.core.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityMetricsTest {

    @Test
    void aucIsTheShareOfCorrectlyOrderedPairs() {
        // pairs (positive, negative): (0.35, 0.1) ok, (0.35, 0.4) wrong, (0.8, 0.1) ok, (0.8, 0.4) ok -> 3/4
        assertThat(ProbabilityMetrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}))
                .isEqualTo(0.75);
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertThat(ProbabilityMetrics.rocAuc(new double[] {0.5, 0.5}, new int[] {0, 1})).isEqualTo(0.5);
        // (0.7 vs 0.2) ok, (0.7 vs 0.7) half, (0.2 vs 0.2) half, (0.2 vs 0.7) wrong -> 2 / 4
        assertThat(ProbabilityMetrics.rocAuc(new double[] {0.2, 0.7, 0.7, 0.2}, new int[] {0, 0, 1, 1}))
                .isEqualTo(0.5);
        assertThat(ProbabilityMetrics.rocAuc(new double[] {0.9, 0.1, 0.9}, new int[] {1, 0, 1})).isEqualTo(1.0);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertThat(ProbabilityMetrics.rocAuc(new double[] {0.2, 0.8}, new int[] {1, 1})).isNaN();
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinByItsRows() {
        double[] p = {0.05, 0.15, 0.15, 0.95};
        int[] y = {0, 1, 0, 1};
        // bin 0: |0.05 - 0| * 1; bin 1: |0.15 - 0.5| * 2; bin 9: |0.95 - 1| * 1; over 4 rows
        assertThat(ProbabilityMetrics.expectedCalibrationError(p, y, 10)).isCloseTo(0.8 / 4, within(1e-12));
        List<ReliabilityBin> table = ProbabilityMetrics.reliability(p, y, 10);
        assertThat(table).hasSize(10);
        assertThat(table.get(1)).isEqualTo(new ReliabilityBin(0.1, 0.2, 2, 0.15, 0.5));
        assertThat(table.get(5).count()).isZero();
        assertThat(table.get(5).meanPredicted()).isNaN();
    }

    @Test
    void binsAreClosedBelowAndTheLastOneIncludesOne() {
        assertThat(ProbabilityMetrics.bin(0.0, 10)).isZero();
        assertThat(ProbabilityMetrics.bin(0.1, 10)).isEqualTo(1);
        assertThat(ProbabilityMetrics.bin(0.3, 10)).isEqualTo(3);
        assertThat(ProbabilityMetrics.bin(0.7, 10)).isEqualTo(7);
        assertThat(ProbabilityMetrics.bin(0.9999, 10)).isEqualTo(9);
        assertThat(ProbabilityMetrics.bin(1.0, 10)).isEqualTo(9);
    }

    @Test
    void logLossAndBrierOnHandComputedRows() {
        double[] p = {0.9, 0.2};
        int[] y = {1, 0};
        assertThat(ProbabilityMetrics.logLoss(p, y)).isCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, within(1e-15));
        assertThat(ProbabilityMetrics.logLoss(p, y)).isCloseTo(0.164252033486018, within(1e-12));
        assertThat(ProbabilityMetrics.brier(p, y)).isCloseTo((0.01 + 0.04) / 2, within(1e-15));
    }

    @Test
    void logLossOfACertainMissIsLargeButFinite() {
        assertThat(ProbabilityMetrics.logLoss(new double[] {0.0}, new int[] {1}))
                .isCloseTo(-Math.log(ProbabilityMetrics.LOG_LOSS_EPS), within(1e-9));
    }

    @Test
    void classificationScoresUseThresholdHalfWithHalfNegative() {
        double[] p = {0.9, 0.6, 0.5, 0.2, 0.7};
        int[] y = {1, 0, 1, 0, 1};
        // predicted 1 for 0.9, 0.6, 0.7 -> TP 2, FP 1, FN 1 (the 0.5), TN 1
        assertThat(ProbabilityMetrics.accuracy(p, y)).isEqualTo(3 / 5.0);
        assertThat(ProbabilityMetrics.precision(p, y)).isEqualTo(2 / 3.0);
        assertThat(ProbabilityMetrics.recall(p, y)).isEqualTo(2 / 3.0);
        assertThat(ProbabilityMetrics.f1(p, y)).isCloseTo(2 / 3.0, within(1e-15));
    }

    @Test
    void precisionWithoutPositivePredictionsIsZero() {
        assertThat(ProbabilityMetrics.precision(new double[] {0.1, 0.2}, new int[] {1, 0})).isZero();
        assertThat(ProbabilityMetrics.f1(new double[] {0.1, 0.2}, new int[] {0, 0})).isZero();
    }
}
