package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How numbers become cells and cells become numbers again. */
class CellsTest {

    private static Row row(String value) {
        return new Row(Map.of("x", 0), List.of(value));
    }

    @Test
    void numbersArePlainDecimalsThatReadBackExactly() throws MalformedRowException {
        assertThat(Cells.num(12)).isEqualTo("12.0");
        assertThat(Cells.num(0.1)).isEqualTo("0.1");
        assertThat(Cells.num(1e-7)).isEqualTo("0.0000001");
        assertThat(Cells.num(1.5e20)).isEqualTo("150000000000000000000");
        assertThat(Cells.num(-0.0)).isEqualTo("0.0");
        assertThat(Cells.num(Double.NaN)).isEmpty();
        assertThat(Cells.num(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(row("inf").decimal("x")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(row("-inf").decimal("x")).isEqualTo(Double.NEGATIVE_INFINITY);

        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertThat(row(Cells.num(v)).decimal("x")).isEqualTo(v);
            }
            double price = random.nextDouble() * 120_000;
            assertThat(row(Cells.num(price)).decimal("x")).isEqualTo(price);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0f", "2d", "0x1p3", "NaN", "nan", "1,5", "1e", ".", "-", "+", "1.2.3", " 1", "١"})
    void numbersInOtherSyntaxAreNotNumbers(String text) {
        assertThatThrownBy(() -> row(text).decimal("x")).isInstanceOf(MalformedRowException.class)
                .hasMessage("x is not a number: '" + text + "'");
    }

    @Test
    void wholeNumbersAcceptPandasFloatsButNotFractions() throws MalformedRowException {
        assertThat(row("1000").integer("x")).isEqualTo(1000);
        assertThat(row("1000.0").integer("x")).isEqualTo(1000);
        assertThatThrownBy(() -> row("10.5").integer("x")).hasMessage("x is not a whole number: '10.5'");
        assertThatThrownBy(() -> row("4294967296").intValue("x")).hasMessage("x is out of range: 4294967296");
        assertThatThrownBy(() -> row("").integer("x")).hasMessage("x is empty");
    }

    @Test
    void textCellsAreFlattenedToOneLine() {
        assertThat(Cells.text("a\r\nb\nc")).isEqualTo("a  b c");
        assertThat(Cells.text(null)).isEmpty();
    }
}
