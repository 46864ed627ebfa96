package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Every fault the Binance client must ride out or report, against a real HTTP server; waits are observed, not slept. */
class BinanceFaultHandlingTest {

    private static final Instant NOW = Instant.parse("2024-09-01T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofHours(10));
    private static final Instant WALL_START = Instant.parse("2024-09-04T19:12:20Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTime wall = new FakeTime(WALL_START);
    private final BinanceStub stub = new BinanceStub();

    private BinanceKlineClient client(Duration timeout) {
        return new BinanceKlineClient(server.url("/").uri(), timeout, BinanceRetryPolicy.DEFAULT, wall, wall,
                new Random(12));
    }

    private BinanceKlineClient client() {
        return client(Duration.ofSeconds(5));
    }

    private List<Kline> fetch(BinanceKlineClient client) {
        return client.closedKlines("BTCUSDT", Interval.H1, FROM, NOW);
    }

    private MockResponse ok() {
        return new MockResponse.Builder()
                .body(stub.body(Interval.H1, FROM.toEpochMilli(), NOW.toEpochMilli() - 3_600_000, 1000)).build();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private static MockResponse rateLimited(int code, String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder().code(code)
                .body(BinanceSamples.text(code == 418 ? BinanceSamples.IP_BANNED : BinanceSamples.TOO_MUCH_WEIGHT));
        return (retryAfter == null ? b : b.setHeader("Retry-After", retryAfter)).build();
    }

    @Test
    void a429IsRetriedAfterExactlyRetryAfter() {
        server.enqueue(rateLimited(429, "7"));
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(wall.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a429WithoutRetryAfterWaitsAWholeWeightMinute() {
        server.enqueue(rateLimited(429, null));
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(wall.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aShort418BanIsWaitedOut() {
        server.enqueue(rateLimited(418, "90"));
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(wall.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void aLong418BanFailsAtOnceAndNoRequestIsSentUntilItEnds() {
        BinanceKlineClient client = client();
        server.enqueue(rateLimited(418, "7200"));
        assertThatThrownBy(() -> fetch(client))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("HTTP 418")
                .hasMessageContaining("banned this IP")
                .hasMessageContaining("until 2024-09-04T21:12:20Z")
                .hasMessageContaining("BTCUSDT 1h");
        assertThatThrownBy(() -> fetch(client)).hasMessageContaining("until 2024-09-04T21:12:20Z");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(wall.sleeps()).isEmpty();

        wall.advance(Duration.ofSeconds(7200));
        server.enqueue(ok());
        assertThat(fetch(client)).hasSize(10);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBanEndingWithinTheCapIsWaitedForByTheNextCall() {
        BinanceKlineClient client = client();
        server.enqueue(rateLimited(418, "7200"));
        assertThatThrownBy(() -> fetch(client)).isInstanceOf(MarketDataException.class);
        wall.advance(Duration.ofSeconds(7200 - 45));
        server.enqueue(ok());
        assertThat(fetch(client)).hasSize(10);
        assertThat(wall.sleeps()).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void givesUpAfterThreeRateLimitWaits() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(rateLimited(429, "1"));
        }
        assertThatThrownBy(() -> fetch(client()))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("still rate-limited after 3 waits")
                .hasMessageContaining("code -1003");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(wall.sleeps()).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsAreRetriedWithJitteredExponentialBackoff() {
        server.enqueue(status(503, ""));
        server.enqueue(status(502, "<html><head><title>502 Bad Gateway</title></head><body>cloudfront</body></html>"));
        server.enqueue(status(500, "{\"code\":-1000,\"msg\":\"An unknown error occured while processing the request.\"}"));
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(server.getRequestCount()).isEqualTo(4);
        List<Duration> sleeps = wall.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
    }

    @Test
    void serverErrorsGiveUpAfterFiveAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(503, "<html><head><title>503 Service Unavailable</title></head></html>"));
        }
        assertThatThrownBy(() -> fetch(client()))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("BTCUSDT 1h")
                .hasMessageContaining("HTTP 503 (an HTML page titled '503 Service Unavailable')")
                .hasMessageContaining("gave up after 5 attempts")
                .as("an outage may end: callers ask again later").isNotInstanceOf(RequestRefusedException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(wall.sleeps()).hasSize(4);
    }

    @Test
    void anInvalidSymbolIsNotRetriedAndNamesTheSymbol() {
        server.enqueue(status(400, BinanceSamples.text(BinanceSamples.INVALID_SYMBOL)));
        assertThatThrownBy(() -> client().closedKlines("NOPEUSDT", Interval.H1, FROM, NOW))
                .as("refused for good: callers do not ask again")
                .isInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("does not know the symbol 'NOPEUSDT'")
                .hasMessageContaining("code -1121 Invalid symbol.")
                .hasMessageContaining("ALPHA12_SYMBOL");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(wall.sleeps()).isEmpty();
    }

    @Test
    void otherBinanceErrorCodesAreReportedAndNotRetried() {
        server.enqueue(status(400, "{\"code\":-1104,\"msg\":\"Not all sent parameters were read.\"}"));
        assertThatThrownBy(() -> fetch(client()))
                .hasMessageContaining("HTTP 400 (code -1104 Not all sent parameters were read.)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsNotRetried() {
        server.enqueue(status(200, "[[1725177300000,\"58415.00000000\",oops]]"));
        assertThatThrownBy(() -> fetch(client()))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonOfTheWrongShapeIsNotRetried() {
        server.enqueue(status(200, "[[1725177300000,\"58415.00000000\",\"58478.65000000\",\"58385.00000000\"]]"));
        assertThatThrownBy(() -> fetch(client())).hasMessageContaining("kline #1 has 4 fields, expected 12");
        server.enqueue(status(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"58415.00000000\"}"));
        assertThatThrownBy(() -> fetch(client())).hasMessageContaining("does not start with a JSON array");
        server.enqueue(status(200, "[[1725177300000,\"abc\",\"1\",\"1\",\"1\",\"1\",1725177599999,\"1\",1,\"1\",\"1\",\"0\"]]"));
        assertThatThrownBy(() -> fetch(client())).hasMessageContaining("kline #1 open is 'abc', expected a decimal");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aTruncatedBodyIsRetried() {
        String full = stub.body(Interval.H1, FROM.toEpochMilli(), NOW.toEpochMilli() - 3_600_000, 1000);
        server.enqueue(status(200, full.substring(0, full.length() / 2)));
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(wall.sleeps()).hasSize(1);
    }

    @Test
    void aBodyTruncatedEveryTimeGivesUpSayingSo() {
        String cut = BinanceSamples.text(BinanceSamples.KLINES_5M).substring(0, 5_000);
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(200, cut));
        }
        assertThatThrownBy(() -> fetch(client()))
                .hasMessageContaining("truncated")
                .hasMessageContaining("gave up after 5 attempts")
                .as("an outage may end: callers ask again later").isNotInstanceOf(RequestRefusedException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void anHtmlPageInsteadOfKlinesIsNotRetriedAndNamesTheBaseUrlKey() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><head><title>Guest Wi-Fi login</title></head><body>Accept</body></html>")
                .build());
        assertThatThrownBy(() -> fetch(client()))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("an HTML page titled 'Guest Wi-Fi login'")
                .hasMessageContaining("ALPHA12_BINANCE_BASE_URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWrongBaseUrlAnswering404IsNotRetried() {
        server.enqueue(status(404, "<html><head><title>404 Not Found</title></head></html>"));
        assertThatThrownBy(() -> fetch(client()))
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("ALPHA12_BINANCE_BASE_URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void http451SaysTheRegionIsBlockedAndNamesTheBaseUrlKey() {
        server.enqueue(status(451, "{\"code\":0,\"msg\":\"Service unavailable from a restricted location\"}"));
        assertThatThrownBy(() -> fetch(client()))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("HTTP 451")
                .hasMessageContaining("region")
                .hasMessageContaining("ALPHA12_BINANCE_BASE_URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void http403SaysTheRegionIsBlockedAndNamesTheBaseUrlKey() {
        server.enqueue(status(403, "<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD></HTML>"));
        assertThatThrownBy(() -> fetch(client()))
                .hasMessageContaining("HTTP 403 (an HTML page titled 'ERROR: The request could not be satisfied')")
                .hasMessageContaining("region")
                .hasMessageContaining("ALPHA12_BINANCE_BASE_URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(ok());
        assertThat(fetch(client(Duration.ofMillis(200)))).hasSize(10);
        // one failed attempt, one back-off (the server's request count also records the abandoned socket)
        assertThat(wall.sleeps()).hasSize(1);
    }

    @Test
    void timeoutsEveryTimeGiveUpNamingTheTimeoutKey() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        assertThatThrownBy(() -> fetch(client(Duration.ofMillis(200))))
                .hasMessageContaining("no answer within 0.2 s (ALPHA12_HTTP_TIMEOUT_SECONDS)")
                .hasMessageContaining("gave up after 5 attempts");
        assertThat(wall.sleeps()).hasSize(4);
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());
        assertThat(fetch(client())).hasSize(10);
        assertThat(wall.sleeps()).hasSize(1);
    }

    @Test
    void pausesUntilTheNextMinuteBeforeTheWeightLimit() {
        server.setDispatcher(stub.weightPerRequest(1_800));
        Instant now = Instant.parse("2024-09-01T12:00:00Z");
        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.M5, now.minus(Duration.ofMinutes(5 * 3500)), now);
        assertThat(klines).hasSize(3500);
        assertThat(stub.asked()).hasSize(4);
        // weight 5,400 after the third request: wait from 19:12:20 until 19:13:00 plus a second's margin
        assertThat(wall.sleeps()).containsExactly(Duration.ofSeconds(41));
    }
}
