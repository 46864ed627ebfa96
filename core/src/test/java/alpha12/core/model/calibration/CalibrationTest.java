package alpha12.core.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.classification.PlattScaling;

class CalibrationTest {

    @Test
    void plattOnConstantScoresPredictsTheMeanSmoothedTarget() {
        // 3 positives, 1 negative: Platt's targets are 4/5 and 1/3, so the fit on a constant score
        // is their mean, (3 * 0.8 + 1/3) / 4
        PlattCalibration platt = PlattCalibration.fit(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {1, 1, 0, 1});
        assertThat(platt.apply(0.5)).isCloseTo((3 * 0.8 + 1.0 / 3) / 4, within(1e-6));
    }

    @Test
    void plattAgreesWithSmilesPlattScaling() {
        SplittableRandom random = new SplittableRandom(11);
        double[] scores = new double[500];
        int[] y = new int[500];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
            y[i] = random.nextDouble() < 0.2 + 0.6 * scores[i] ? 1 : 0;
        }
        PlattCalibration ours = PlattCalibration.fit(scores, y);
        PlattScaling smile = PlattScaling.fit(scores, y);
        for (double s = 0; s <= 1.0; s += 0.05) {
            assertThat(ours.apply(s)).isCloseTo(smile.scale(s), within(1e-9));
        }
        // the true link is p = 0.2 + 0.6 s; the fitted sigmoid is increasing and close to it in the middle
        assertThat(ours.a()).isNegative();
        assertThat(ours.apply(0.5)).isCloseTo(0.5, within(0.06));
    }

    @Test
    void plattNeverInvertsTheForest() {
        // higher scores go with fewer positives: the unconstrained fit would have a > 0
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        int[] y = {1, 1, 0, 1, 0, 0};
        PlattCalibration platt = PlattCalibration.fit(scores, y);
        assertThat(platt.a()).isZero();
        // targets: 3 positives at 4/5, 3 negatives at 1/5 -> mean 1/2 for every row
        assertThat(platt.apply(0.1)).isCloseTo(0.5, within(1e-12));
        assertThat(platt.apply(0.9)).isCloseTo(0.5, within(1e-12));
        assertThat(PlattScaling.fit(scores, y).scale(0.9)).as("Smile's unconstrained fit inverts")
                .isLessThan(PlattScaling.fit(scores, y).scale(0.1));
    }

    @Test
    void plattStaysInsideZeroOneForExtremeScores() {
        PlattCalibration steep = new PlattCalibration(-2000, 1000);
        assertThat(steep.apply(0.0)).isBetween(0.0, 1.0).isZero();
        assertThat(steep.apply(1.0)).isEqualTo(1.0);
        assertThat(steep.apply(0.5)).isEqualTo(0.5);
    }

    @Test
    void isotonicPoolsAdjacentViolatorsAndInterpolates() {
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1});
        // PAV: 0 | (1, 0) pooled to 0.5, 0.5 | 1
        assertThat(iso.knots()).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(iso.values()).containsExactly(0.0, 0.5, 0.5, 1.0);
        assertThat(iso.apply(0.25)).isEqualTo(0.5);
        assertThat(iso.apply(0.15)).isCloseTo(0.25, within(1e-12));
        assertThat(iso.apply(0.35)).isCloseTo(0.75, within(1e-12));
        assertThat(iso.apply(0.0)).isEqualTo(0.0);
        assertThat(iso.apply(0.99)).isEqualTo(1.0);
    }

    @Test
    void isotonicPoolsTiedScoresFirstAndDropsInteriorKnots() {
        double[] raw = {0.6, 0.2, 0.6, 0.4, 0.8, 0.9};
        int[] y = {1, 0, 0, 1, 1, 1};
        IsotonicCalibration iso = IsotonicCalibration.fit(raw, y);
        // distinct x: 0.2 -> 0, 0.4 -> 1, 0.6 -> 1/2 (two rows), 0.8 -> 1, 0.9 -> 1
        // PAV pools 0.4 and 0.6: (1 + 1) / 3 = 2/3; 0.8 and 0.9 stay 1 and 0.9 is an end knot
        assertThat(iso.knots()).containsExactly(0.2, 0.4, 0.6, 0.8, 0.9);
        assertThat(iso.values()[1]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(iso.values()[2]).isCloseTo(2.0 / 3, within(1e-15));
        IsotonicCalibration flat = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {1, 1, 1, 1});
        assertThat(flat.knots()).containsExactly(0.1, 0.4);
    }

    @Test
    void isotonicIsMonotoneAndInsideZeroOne() {
        SplittableRandom random = new SplittableRandom(5);
        double[] raw = new double[300];
        int[] y = new int[300];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.round(random.nextDouble() * 40) / 40.0;
            y[i] = random.nextDouble() < raw[i] ? 1 : 0;
        }
        IsotonicCalibration iso = IsotonicCalibration.fit(raw, y);
        double previous = 0;
        for (double p = -0.1; p <= 1.1; p += 0.01) {
            double q = iso.apply(p);
            assertThat(q).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = q;
        }
    }

    @Test
    void noneOnlyClampsIntoZeroOne() {
        assertThat(NoCalibration.INSTANCE.apply(0.37)).isEqualTo(0.37);
        assertThat(NoCalibration.INSTANCE.apply(1.2)).isEqualTo(1.0);
        assertThat(NoCalibration.INSTANCE.apply(Double.NaN)).isEqualTo(0.5);
    }
}
