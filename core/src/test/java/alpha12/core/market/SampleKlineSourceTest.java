package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.testing.TestKlines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleKlineSourceTest {

    private static final Instant END = Instant.parse("2024-04-01T00:00:00Z");
    private final SampleKlineSource source = new SampleKlineSource();

    @Test
    void dataEndsAtTheCloseOfTheLastBundledBar() {
        assertThat(source.dataEnd()).contains(END);
    }

    @Test
    void servesEveryBundledTimeframeExactlyAsBundled() {
        for (Interval interval : Interval.TIMEFRAMES) {
            assertThat(source.closedKlines("BTCUSDT", interval, Instant.EPOCH, END)).as(interval.code())
                    .isEqualTo(TestKlines.sample(interval));
        }
    }

    @Test
    void aSimulatedNowHidesBarsThatHadNotClosed() {
        Instant now = Instant.parse("2024-03-31T21:59:59Z");
        List<Kline> klines = source.closedKlines("BTCUSDT", Interval.H4, Instant.parse("2024-03-31T00:00:00Z"), now);
        assertThat(klines).extracting(k -> Instant.ofEpochMilli(k.openTime())).containsExactly(
                Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T04:00:00Z"),
                Instant.parse("2024-03-31T08:00:00Z"), Instant.parse("2024-03-31T12:00:00Z"),
                Instant.parse("2024-03-31T16:00:00Z")); // 20:00-24:00 had not closed at 21:59:59
    }

    @Test
    void anotherSymbolIsAClearError() {
        assertThatThrownBy(() -> source.closedKlines("ETHUSDT", Interval.H1, Instant.EPOCH, END))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("only BTCUSDT")
                .hasMessageContaining("ETHUSDT");
    }

    @Test
    void anIntervalThatIsNotBundledIsAClearError() {
        assertThatThrownBy(() -> source.closedKlines("BTCUSDT", Interval.W1, Instant.EPOCH, END))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("no 1w klines")
                .hasMessageContaining("[5m, 15m, 1h, 4h, 1d]");
    }
}
