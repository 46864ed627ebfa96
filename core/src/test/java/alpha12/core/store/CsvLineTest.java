package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvLineTest {

    @Test
    void quotesOnlyCellsWithACommaOrAQuote() {
        assertThat(CsvLine.format(List.of("BTCUSDT", "", "['a', 'b']", "say \"hi\"", "x")))
                .isEqualTo("BTCUSDT,,\"['a', 'b']\",\"say \"\"hi\"\"\",x");
    }

    @Test
    void parsesQuotedAndEmptyFields() throws MalformedRowException {
        assertThat(CsvLine.parse("\"AUTO-BTC\",\"4h\",,\"a,b\",\"\"\"q\"\"\",", 6))
                .containsExactly("AUTO-BTC", "4h", "", "a,b", "\"q\"", "");
        assertThat(CsvLine.parse("", 1)).containsExactly("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a,\"b          | a quoted field is not closed",
            "a,\"b\"c,d     | text after a closing quote in field 2",
            "a,b\"c,d       | a quote inside unquoted field 2",
    })
    void aQuoteOutOfPlaceIsMalformed(String line, String reason) {
        assertThatThrownBy(() -> CsvLine.parse(line.strip(), 4)).isInstanceOf(MalformedRowException.class)
                .hasMessage(reason.strip());
    }

    @Test
    void anyCellsWithoutLineBreaksRoundTrip() throws MalformedRowException {
        Random random = new Random(7);
        String alphabet = "ab,\" '#;\t0.-+";
        for (int i = 0; i < 5_000; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = random.nextInt(6) + 1; c > 0; c--) {
                StringBuilder cell = new StringBuilder();
                for (int k = random.nextInt(6); k > 0; k--) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                cells.add(cell.toString());
            }
            assertThat(CsvLine.parse(CsvLine.format(cells), cells.size())).isEqualTo(cells);
        }
    }
}
