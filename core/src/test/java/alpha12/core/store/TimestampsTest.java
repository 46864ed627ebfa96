package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @Test
    void formatsUtcWithOffsetAndMicrosecondsLikePythonsIsoformat() {
        assertThat(Timestamps.format(Instant.parse("2025-08-18T03:39:53.291825Z")))
                .isEqualTo("2025-08-18T03:39:53.291825+00:00");
        assertThat(Timestamps.format(Instant.parse("2025-08-18T03:39:53.291825999Z")))
                .isEqualTo("2025-08-18T03:39:53.291825+00:00");
        assertThat(Timestamps.format(Instant.parse("2025-08-18T03:39:53.200Z")))
                .isEqualTo("2025-08-18T03:39:53.200000+00:00");
        assertThat(Timestamps.format(Instant.parse("2024-03-31T20:00:00Z"))).isEqualTo("2024-03-31T20:00:00+00:00");
        assertThat(Timestamps.format(1_711_915_200_000L)).isEqualTo("2024-03-31T20:00:00+00:00");
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-18T03:39:53.291825+00:00, 2025-08-18T03:39:53.291825Z",
            "2025-08-29 16:00:28.378169+08:00, 2025-08-29T08:00:28.378169Z",
            "2025-08-27T00:00:32.638848+08:00, 2025-08-26T16:00:32.638848Z",
            "2025-08-15 07:00:00+00:00,        2025-08-15T07:00:00Z",
            "2024-03-01T12:00:00Z,             2024-03-01T12:00:00Z",
            "2024-03-01T12:00Z,                2024-03-01T12:00:00Z",
            "2024-03-01T12:00:00.5-05:30,      2024-03-01T17:30:00.500Z",
            "2024-03-01T12:00:00.123456789+0100, 2024-03-01T11:00:00.123456789Z",
            "' 2024-03-01T12:00:00+00:00 ',    2024-03-01T12:00:00Z",
    })
    void parsesTheOriginalsShapesWithAnyOffset(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-08-20T19:06:10.728726", "2025-08-22 11:53:43"})
    void refusesATimeWithoutOffsetBecauseItsZoneIsUnknown(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp without a UTC offset (zone unknown): '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaT", "2025-08-18", "2025-13-01T00:00:00+00:00", "2025-02-30T00:00:00+00:00",
            "2025-08-18T25:00:00+00:00", "2025-08-1803:39:53+00:00", "2025-08-18T03:39:53+00:00x",
            "2025-08-18T03:39:53.+00:00", "2025-08-18T03:39:53+19:00", "1755487193"})
    void refusesWhatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
        assertThat(Timestamps.tryParse(text)).isEmpty();
    }

    @Test
    void formatThenParseIsTheInstantToTheMicrosecond() {
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
            assertThat(Timestamps.parse(Timestamps.format(t))).isEqualTo(t);
        }
    }
}
