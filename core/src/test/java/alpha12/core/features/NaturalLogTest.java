package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NaturalLogTest {

    /** Within 4 ulps of Math.log, or 1e-15 absolute (just under 1, where -ln 2 + ln m cancel). */
    @Test
    void agreesWithMathLogWithinAFewUlpsOrBelow1eMinus15() {
        Random random = new Random(5);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = Math.exp((random.nextDouble() - 0.5) * 120); // 1e-26 .. 1e26
            if (i % 4 == 0) {
                x = 1.0 + (random.nextDouble() - 0.5) * 1e-3;        // near 1, where ln is tiny
            }
            double expected = Math.log(x);
            double error = Math.abs(NaturalLog.ln(x) - expected) / Math.max(Math.ulp(expected), 0.25e-15);
            worst = Math.max(worst, error);
        }
        assertThat(worst).as("worst error in ulps").isLessThanOrEqualTo(4.0);
    }

    @Test
    void exactAtPowersOfTwoAndOne() {
        assertThat(NaturalLog.ln(1.0)).isEqualTo(0.0);
        assertThat(NaturalLog.ln(2.0)).isCloseTo(Math.log(2.0), org.assertj.core.api.Assertions.within(1e-16));
        assertThat(NaturalLog.ln(0x1.0p-60)).isCloseTo(-60 * Math.log(2.0),
                org.assertj.core.api.Assertions.within(1e-13));
    }
}
