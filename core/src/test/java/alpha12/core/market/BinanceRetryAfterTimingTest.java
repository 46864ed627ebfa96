package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The one test on real time: Retry-After is honoured on the wire, with the real clock and real sleeps. */
class BinanceRetryAfterTimingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void theRetryArrivesNoSoonerThanRetryAfterSays() {
        BinanceStub stub = new BinanceStub();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                if (arrivals.size() == 1) {
                    return new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                            .body(BinanceSamples.text(BinanceSamples.TOO_MUCH_WEIGHT)).build();
                }
                return stub.dispatch(request);
            }
        });
        BinanceKlineClient client = new BinanceKlineClient(server.url("/").uri(), Duration.ofSeconds(5),
                BinanceRetryPolicy.DEFAULT, Clock.systemUTC(), Sleeper.SYSTEM, new Random(1));
        Instant now = Instant.parse("2024-09-01T12:00:00Z");

        List<Kline> klines = client.closedKlines("BTCUSDT", Interval.H1, now.minus(Duration.ofHours(3)), now);

        assertThat(klines).hasSize(3);
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
