package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class BinanceKlineClientTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTime wall = new FakeTime(Instant.parse("2024-09-04T19:12:20Z"));

    private BinanceKlineClient client() {
        return new BinanceKlineClient(server.url("/").uri(), Duration.ofSeconds(5), BinanceRetryPolicy.DEFAULT, wall,
                wall, new Random(7));
    }

    @Test
    void pagesThrough120DaysOf5mIn35RequestsOfAtMost1000() {
        BinanceStub stub = new BinanceStub();
        server.setDispatcher(stub);
        Instant now = Instant.parse("2024-09-01T08:00:00Z");
        Instant from = now.minus(Duration.ofDays(120));

        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.M5, from, now);

        assertThat(klines).hasSize(34_560);
        assertThat(klines.get(0).openTime()).isEqualTo(from.toEpochMilli());
        assertThat(klines.get(klines.size() - 1).openTime()).isEqualTo(now.toEpochMilli() - 300_000);
        int steps = 0;
        for (int i = 1; i < klines.size(); i++) {
            steps += klines.get(i).openTime() - klines.get(i - 1).openTime() == 300_000 ? 1 : 0;
        }
        assertThat(steps).as("consecutive 5m steps").isEqualTo(klines.size() - 1);
        assertThat(klines.get(1234)).isEqualTo(stub.bar(Interval.M5, klines.get(1234).openTime()));

        List<BinanceStub.Asked> asked = stub.asked();
        assertThat(asked).hasSize(35);
        long end = now.toEpochMilli() - 300_000;
        for (int i = 0; i < asked.size(); i++) {
            BinanceStub.Asked a = asked.get(i);
            assertThat(a.symbol()).isEqualTo("BTCUSDT");
            assertThat(a.interval()).isEqualTo("5m");
            assertThat(a.limit()).isEqualTo(1000);
            assertThat(a.endTime()).isEqualTo(end);
            assertThat(a.startTime()).isEqualTo(from.toEpochMilli() + i * 1000L * 300_000);
        }
        assertThat(wall.sleeps()).isEmpty();
    }

    @Test
    void dropsTheStillOpenLastCandleOfARealResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body(BinanceSamples.text(BinanceSamples.KLINES_5M)).build());
        long lastOpen = BinanceSamples.KLINES_5M_FIRST_OPEN + 999 * 300_000L;
        Instant now = Instant.ofEpochMilli(lastOpen + 140_000); // 2m20s into the last, open candle

        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN), now);

        assertThat(klines).hasSize(999);
        assertThat(klines.get(998).openTime()).isEqualTo(lastOpen - 300_000);
        assertThat(klines.get(998).close()).isEqualTo(57831.99);
        assertThat(klines.get(0)).isEqualTo(new Kline(1725177300000L, 58415.0, 58478.65, 58385.0, 58478.64, 29.72475,
                1725177599999L, 1736660.8817366, 4555, 19.17882, 1120620.9564401, 0.0));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/klines");
        assertThat(request.getUrl().queryParameter("endTime")).isEqualTo(Long.toString(lastOpen - 300_000));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSimulatedNowHidesLaterBarsEvenWhenTheServerSendsThem() {
        server.enqueue(new MockResponse.Builder().body(BinanceSamples.text(BinanceSamples.KLINES_5M)).build());
        Instant now = Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN + 100 * 300_000L + 1);

        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN), now);

        assertThat(klines).hasSize(100);
        assertThat(klines.get(99).openTime() + 300_000).isLessThanOrEqualTo(now.toEpochMilli());
    }

    @Test
    void aBarStillOpenOnTheServersClockIsDroppedWhenTheLocalClockRunsAhead() {
        BinanceStub stub = new BinanceStub();
        Instant now = Instant.parse("2024-09-01T12:00:00.300Z"); // local clock: the 11:55 bar has just closed
        long from = Instant.parse("2024-09-01T11:30:00Z").toEpochMilli();
        String body = stub.body(Interval.M5, from, now.toEpochMilli() - 300_000, 1000);
        server.enqueue(new MockResponse.Builder().setHeader("Date", "Sun, 01 Sep 2024 11:59:59 GMT").body(body).build());
        server.enqueue(new MockResponse.Builder().setHeader("Date", "Sun, 01 Sep 2024 12:00:00 GMT").body(body).build());

        List<Kline> skewed = client().closedKlines("BTCUSDT", Interval.M5, Instant.ofEpochMilli(from), now);
        List<Kline> inStep = client().closedKlines("BTCUSDT", Interval.M5, Instant.ofEpochMilli(from), now);

        assertThat(skewed).hasSize(5);
        assertThat(inStep).hasSize(6);
        assertThat(inStep.get(5).openTime()).isEqualTo(Instant.parse("2024-09-01T11:55:00Z").toEpochMilli());
    }

    @Test
    void asksNothingWhenNoBarHasClosedSinceFrom() {
        Instant now = Instant.parse("2024-09-01T08:04:59Z");
        assertThat(client().closedKlines("BTCUSDT", Interval.M5, Instant.parse("2024-09-01T08:00:00Z"), now))
                .isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void startsAtTheFirstBarOpeningAtOrAfterFrom() {
        BinanceStub stub = new BinanceStub();
        server.setDispatcher(stub);
        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.H1, Instant.parse("2024-09-01T07:30:00Z"),
                Instant.parse("2024-09-01T12:00:00Z"));
        assertThat(klines).extracting(Kline::openTime).containsExactly(
                Instant.parse("2024-09-01T08:00:00Z").toEpochMilli(), Instant.parse("2024-09-01T09:00:00Z").toEpochMilli(),
                Instant.parse("2024-09-01T10:00:00Z").toEpochMilli(), Instant.parse("2024-09-01T11:00:00Z").toEpochMilli());
        assertThat(stub.asked().get(0).startTime()).isEqualTo(Instant.parse("2024-09-01T08:00:00Z").toEpochMilli());
    }

    @Test
    void keepsRealOutageGapsAndStopsOnAShortPage() {
        long outageStart = Instant.parse("2024-08-20T02:00:00Z").toEpochMilli();
        BinanceStub stub = new BinanceStub().outage(t -> t >= outageStart && t < outageStart + 3 * 3_600_000L);
        server.setDispatcher(stub);
        Instant now = Instant.parse("2024-09-01T00:00:00Z");

        List<Kline> klines = client().closedKlines("BTCUSDT", Interval.H1, now.minus(Duration.ofDays(60)), now);

        assertThat(klines).hasSize(60 * 24 - 3);
        assertThat(klines).extracting(Kline::openTime).doesNotContain(outageStart, outageStart + 3_600_000L);
        assertThat(stub.asked()).hasSize(2);
    }

    @Test
    void aResponseWithABarOffTheIntervalGridFailsNamingTheBar() {
        server.enqueue(new MockResponse.Builder().body(
                BinanceSamples.text(BinanceSamples.KLINES_5M).replace("[1725177600000,", "[1725177600001,")).build());
        assertThatThrownBy(() -> client().closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN), Instant.parse("2024-09-05T00:00:00Z")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("BTCUSDT 5m")
                .hasMessageContaining("2024-09-01T08:00:00.001Z")
                .hasMessageContaining("not on the 5m grid");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aResponseWithHighBelowCloseFailsNamingTheBar() {
        String body = BinanceSamples.text(BinanceSamples.KLINES_5M)
                .replace("[1725177300000,\"58415.00000000\",\"58478.65000000\"",
                        "[1725177300000,\"58415.00000000\",\"58400.00000000\"");
        server.enqueue(new MockResponse.Builder().body(body).build());
        assertThatThrownBy(() -> client().closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN), Instant.parse("2024-09-05T00:00:00Z")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("bar 2024-09-01T07:55:00Z (#1 of 1000): high 58400.0 is below max(open 58415.0");
    }

    @Test
    void aResponseThatRepeatsABarFails() {
        String body = BinanceSamples.text(BinanceSamples.KLINES_5M);
        int second = body.indexOf(",[1725177600000,");
        int third = body.indexOf(",[1725177900000,");
        String duplicated = body.substring(0, third) + body.substring(second, third) + body.substring(third);
        server.enqueue(new MockResponse.Builder().body(duplicated).build());
        assertThatThrownBy(() -> client().closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN), Instant.parse("2024-09-05T00:00:00Z")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("duplicate open time");
    }

    @Test
    void aPageThatStartsBeforeStartTimeIsRejectedRatherThanLoopedOn() {
        server.enqueue(new MockResponse.Builder().body(BinanceSamples.text(BinanceSamples.KLINES_5M)).build());
        Instant from = Instant.ofEpochMilli(BinanceSamples.KLINES_5M_FIRST_OPEN + 10 * 300_000L);
        assertThatThrownBy(() -> client().closedKlines("BTCUSDT", Interval.M5, from,
                Instant.parse("2024-09-05T00:00:00Z")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("not the page asked for");
    }
}
