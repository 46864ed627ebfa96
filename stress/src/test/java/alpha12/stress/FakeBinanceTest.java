package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.BinanceKlineClient;
import alpha12.core.market.BinanceRetryPolicy;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.Sleeper;
import alpha12.core.testing.TestKlines;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The fake answers like Binance: the real sample, its window rules, its open candle, its Retry-After rule. */
class FakeBinanceTest {

    private static final Instant NOW = Instant.parse("2024-03-20T10:07:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private FakeBinance serve(FaultPlan plan) {
        FakeBinance fake = new FakeBinance(plan, TIMEOUT);
        server.setDispatcher(fake);
        return fake;
    }

    private BinanceKlineClient client() {
        BinanceRetryPolicy quick = new BinanceRetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(80), 5,
                Duration.ofSeconds(5), 5_400);
        return new BinanceKlineClient(server.url("/").uri(), TIMEOUT, quick, Clock.systemUTC(), Sleeper.SYSTEM,
                new Random(3));
    }

    private static List<Kline> sampleBetween(Interval interval, Instant from, Instant now) {
        return TestKlines.sample(interval).stream()
                .filter(k -> k.openTime() >= from.toEpochMilli() && k.isClosedAt(interval, now.toEpochMilli()))
                .toList();
    }

    @Test
    void servesTheSampleOfEveryTimeframeExactlyAndNo1mBars() {
        serve(FaultPlan.none());
        BinanceKlineClient client = client();
        for (Interval interval : Interval.TIMEFRAMES) {
            Instant from = NOW.minus(interval.duration().multipliedBy(1_500)); // two pages
            List<Kline> got = client.closedKlines("BTCUSDT", interval, from, NOW);
            assertThat(got).as(interval.code()).isNotEmpty().isEqualTo(sampleBetween(interval, from, NOW));
        }
        assertThat(client.closedKlines("BTCUSDT", Interval.M1, NOW.minus(Duration.ofHours(2)), NOW)).isEmpty();
    }

    @Test
    void windowsFollowStartEndAndLimitAndShowTheOpenBarUnfinished() {
        Interval h1 = Interval.H1;
        long now = NOW.toEpochMilli();
        long lastOpen = h1.openOf(now); // opened 10:00, still open at 10:07
        List<Kline> sample = TestKlines.sample(h1);

        List<Kline> fromStart = FakeBinanceKlines.window(h1, OptionalLong.of(lastOpen - 5 * h1.millis()),
                OptionalLong.empty(), 3, now);
        List<Kline> upToEnd = FakeBinanceKlines.window(h1, OptionalLong.empty(),
                OptionalLong.of(lastOpen - h1.millis()), 2, now);
        List<Kline> latest = FakeBinanceKlines.window(h1, OptionalLong.empty(),
                OptionalLong.empty(), 2, now);

        assertThat(fromStart).extracting(Kline::openTime)
                .containsExactly(lastOpen - 5 * h1.millis(), lastOpen - 4 * h1.millis(), lastOpen - 3 * h1.millis());
        assertThat(upToEnd).extracting(Kline::openTime).containsExactly(lastOpen - 2 * h1.millis(),
                lastOpen - h1.millis());
        assertThat(latest.get(0)).isIn(sample);
        Kline open = latest.get(1);
        Kline closed = sample.stream().filter(k -> k.openTime() == lastOpen).findFirst().orElseThrow();
        assertThat(open.openTime()).isEqualTo(lastOpen);
        assertThat(open).isNotEqualTo(closed);
        assertThat(open.volume()).isLessThan(closed.volume());
        assertThat(open.closeTime()).isEqualTo(lastOpen + h1.millis() - 1);
    }

    @Test
    void anOpenCandleFromALaggingServerNeverLeavesTheClient() {
        FakeBinance fake = serve(new FaultPlan(1, Instant.MAX, List.of(FakeBinanceFault.OPEN_CANDLE), 1, 5));
        Instant from = NOW.minus(Duration.ofHours(30));

        List<Kline> got = client().closedKlines("BTCUSDT", Interval.H1, from, NOW);

        List<Kline> closed = sampleBetween(Interval.H1, from, NOW);
        assertThat(got).isEqualTo(closed.subList(0, closed.size() - 1)); // the last bar was still open at the server
        assertThat(fake.served()).singleElement().satisfies(s -> {
            assertThat(s.fault()).contains(FakeBinanceFault.OPEN_CANDLE);
            assertThat(s.fakeNow()).isBefore(NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        });
    }

    @Test
    void everyFaultIsRiddenOutAndTheKlinesAreStillTheSample() {
        for (FakeBinanceFault fault : FakeBinanceFault.values()) {
            if (fault == FakeBinanceFault.OPEN_CANDLE || fault.asksToWait()) {
                continue; // above and below
            }
            FakeBinance fake = serve(new FaultPlan(0.5, Instant.MAX, List.of(fault), 1, 11));
            BinanceKlineClient client = client();
            Interval interval = Interval.TIMEFRAMES.get(fault.ordinal() % Interval.TIMEFRAMES.size());
            Instant from = NOW.minus(interval.duration().multipliedBy(200));
            for (int call = 0; call < 10 && fake.served().stream().noneMatch(s -> s.fault().isPresent()); call++) {
                assertThat(client.closedKlines("BTCUSDT", interval, from, NOW)).as("%s %s", fault, interval)
                        .isEqualTo(sampleBetween(interval, from, NOW));
            }
            assertThat(fake.served()).as(fault.name()).anyMatch(s -> s.fault().equals(Optional.of(fault)));
        }
    }

    @Test
    void aRequestBeforeRetryAfterHasElapsedIsAViolationAnswered418() throws IOException {
        FakeBinance fake = serve(new FaultPlan(1, Instant.MAX, List.of(FakeBinanceFault.RATE_LIMITED_429), 2, 1));
        OkHttpClient impatient = new OkHttpClient();
        Request request = new Request.Builder().url(server.url("/api/v3/klines?symbol=BTCUSDT&interval=1h"
                + "&startTime=1710000000000&endTime=1710900000000&limit=1000")).build();

        int first;
        int second;
        try (Response a = impatient.newCall(request).execute(); Response b = impatient.newCall(request).execute()) {
            first = a.code();
            second = b.code();
            assertThat(a.header("Retry-After")).isIn("1", "2");
            assertThat(b.header("Retry-After")).isIn("1", "2", "3");
        }

        assertThat(first).isEqualTo(429);
        assertThat(second).isEqualTo(418);
        assertThat(fake.served()).extracting(FakeBinance.Served::violation).containsExactly(false, true);
    }
}
