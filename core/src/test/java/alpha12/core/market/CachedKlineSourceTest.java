package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kline cache against the Binance client and a stub exchange on a real HTTP server. */
class CachedKlineSourceTest {

    private static final Instant T0 = Instant.parse("2024-09-01T12:00:00Z");
    private static final long STEP = Interval.M5.millis();
    private static final String FILE = "cache/klines/BTCUSDT-5m.csv";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path runs;

    private final BinanceStub stub = new BinanceStub();
    private RunsStore store;

    @BeforeEach
    void setUp() {
        server.setDispatcher(stub);
        store = new RunsStore(runs, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private CachedKlineSource newProcess() {
        FakeTime wall = new FakeTime(T0);
        return new CachedKlineSource(new BinanceKlineClient(server.url("/").uri(), Duration.ofSeconds(5),
                BinanceRetryPolicy.DEFAULT, wall, wall, new Random(3)), store);
    }

    private static List<Kline> days(CachedKlineSource source, Instant now, int days) {
        return source.closedKlines("BTCUSDT", Interval.M5, now.minus(Duration.ofDays(days)), now);
    }

    /** What the exchange has for [from, now): every bar, minus the stub's outages. */
    private List<Kline> exchange(Instant from, Instant now) {
        List<Kline> out = new ArrayList<>();
        for (long t = from.toEpochMilli(); t + STEP <= now.toEpochMilli(); t += STEP) {
            out.add(stub.bar(Interval.M5, t));
        }
        return out;
    }

    private List<String> cacheLines() throws IOException {
        return Files.readAllLines(runs.resolve(FILE));
    }

    @Test
    void theFirstCycleDownloadsTheRangeAndStoresItInTheStoresSchema() throws IOException {
        List<Kline> klines = days(newProcess(), T0, 3);

        assertThat(klines).isEqualTo(exchange(T0.minus(Duration.ofDays(3)), T0)).hasSize(864);
        assertThat(stub.asked()).hasSize(1);
        assertThat(cacheLines().get(0)).isEqualTo(KlineCacheFile.schema("BTCUSDT", Interval.M5).header());
        assertThat(store.read(KlineCacheFile.schema("BTCUSDT", Interval.M5))).isEqualTo(klines);
    }

    @Test
    void aLaterCycleAsksOnlyForTheBarsNewerThanTheCache() {
        CachedKlineSource source = newProcess();
        days(source, T0, 3);
        stub.forgetRequests();
        Instant later = T0.plus(Duration.ofMinutes(62));

        List<Kline> klines = days(source, later, 3);

        assertThat(stub.asked()).singleElement().satisfies(a -> {
            assertThat(a.startTime()).isEqualTo(T0.toEpochMilli());
            assertThat(a.endTime()).isEqualTo(T0.plus(Duration.ofMinutes(55)).toEpochMilli());
        });
        assertThat(klines).isEqualTo(exchange(later.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(3)),
                T0.plus(Duration.ofHours(1))));
    }

    @Test
    void anEarlierFromAsksOnlyForTheMissingOlderBars() {
        CachedKlineSource source = newProcess();
        days(source, T0, 3);
        stub.forgetRequests();

        List<Kline> klines = days(source, T0, 4);

        assertThat(stub.asked()).singleElement().satisfies(a -> {
            assertThat(a.startTime()).isEqualTo(T0.minus(Duration.ofDays(4)).toEpochMilli());
            assertThat(a.endTime()).isEqualTo(T0.minus(Duration.ofDays(3)).toEpochMilli() - STEP);
        });
        assertThat(klines).isEqualTo(exchange(T0.minus(Duration.ofDays(4)), T0));
    }

    @Test
    void aNewProcessServesACompleteCacheWithoutAnyRequest() {
        List<Kline> first = days(newProcess(), T0, 3);
        stub.forgetRequests();
        assertThat(days(newProcess(), T0, 3)).isEqualTo(first);
        assertThat(stub.asked()).isEmpty();
    }

    @Test
    void aSimulatedNowInsideTheCacheAsksNothingAndHidesLaterBars() {
        CachedKlineSource source = newProcess();
        days(source, T0, 3);
        stub.forgetRequests();
        Instant past = T0.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(2));

        List<Kline> klines = days(source, past, 1);

        assertThat(stub.asked()).isEmpty();
        assertThat(klines).isEqualTo(exchange(past.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(3)),
                T0.minus(Duration.ofDays(1))));
    }

    @Test
    void barsAnotherDaemonCachedAreUsedWithoutDownloadingThemAgain() {
        CachedKlineSource mine = newProcess();
        days(mine, T0, 3);
        days(newProcess(), T0.plus(Duration.ofHours(2)), 3); // another daemon extends the shared cache
        stub.forgetRequests();

        List<Kline> klines = days(mine, T0.plus(Duration.ofHours(2)), 3);

        assertThat(stub.asked()).isEmpty();
        assertThat(klines).hasSize(864);
    }

    @Test
    void aFailedDownloadIsReportedAndLeavesTheCacheAsItWas() throws IOException {
        CachedKlineSource source = newProcess();
        days(source, T0, 3);
        List<String> before = cacheLines();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(451).body("").build();
            }
        });

        assertThatThrownBy(() -> days(source, T0.plus(Duration.ofHours(1)), 3))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("HTTP 451");
        assertThat(cacheLines()).isEqualTo(before);
    }

    @Test
    void anUnparsableRowIsMovedAsideAndTheCacheRebuilt() throws IOException {
        List<Kline> expected = days(newProcess(), T0, 3);
        List<String> lines = new ArrayList<>(cacheLines());
        lines.set(100, lines.get(100).replaceFirst(",[0-9.]+,", ",garbage,"));
        Files.write(runs.resolve(FILE), lines);
        stub.forgetRequests();

        List<Kline> klines = days(newProcess(), T0, 3);

        assertThat(klines).isEqualTo(expected);
        assertThat(runs.resolve(FILE + ".rejected")).exists();
        assertThat(stub.asked()).hasSize(2); // the hole left by the row, then the whole range again
        assertThat(stub.asked().get(1).startTime()).isEqualTo(T0.minus(Duration.ofDays(3)).toEpochMilli());
        assertThat(store.read(KlineCacheFile.schema("BTCUSDT", Interval.M5))).isEqualTo(expected);
    }

    @Test
    void anAppendCutShortIsSetAsideAndItsBarFetchedAgain() throws IOException {
        List<Kline> expected = days(newProcess(), T0, 3);
        Path file = runs.resolve(FILE);
        String content = Files.readString(file);
        Files.writeString(file, content.substring(0, content.length() - 30)); // the last row loses its tail
        stub.forgetRequests();

        assertThat(days(newProcess(), T0, 3)).isEqualTo(expected);
        assertThat(runs.resolve(FILE + ".rejected")).exists();
        assertThat(stub.asked()).singleElement()
                .satisfies(a -> assertThat(a.startTime()).isEqualTo(T0.toEpochMilli() - STEP));
    }

    @Test
    void duplicateRowsGetTheCacheDiscardedAndRebuilt() throws IOException {
        List<Kline> expected = days(newProcess(), T0, 3);
        List<String> lines = new ArrayList<>(cacheLines());
        lines.add(300, lines.get(300));
        Files.write(runs.resolve(FILE), lines);
        stub.forgetRequests();

        assertThat(days(newProcess(), T0, 3)).isEqualTo(expected);
        assertThat(stub.asked()).singleElement()
                .satisfies(a -> assertThat(a.startTime()).isEqualTo(T0.minus(Duration.ofDays(3)).toEpochMilli()));
        assertThat(cacheLines()).hasSize(865);
    }

    @Test
    void aMisalignedRowGetsTheCacheDiscardedAndRebuilt() throws IOException {
        CachedKlineSource source = newProcess();
        List<Kline> expected = days(source, T0, 3);
        List<String> lines = new ArrayList<>(cacheLines());
        String row = lines.get(5);
        long open = Long.parseLong(row.substring(0, row.indexOf(',')));
        lines.set(5, (open + 1_000) + row.substring(row.indexOf(',')));
        Files.write(runs.resolve(FILE), lines);
        stub.forgetRequests();

        assertThat(days(source, T0, 3)).isEqualTo(expected); // the same process notices the file changed
        assertThat(stub.asked()).hasSize(1);
        assertThat(store.read(KlineCacheFile.schema("BTCUSDT", Interval.M5))).isEqualTo(expected);
    }

    @Test
    void aFileThatIsNotAKlineCacheIsSetAsideAndRebuilt() throws IOException {
        Files.createDirectories(runs.resolve(FILE).getParent());
        Files.writeString(runs.resolve(FILE), "<html>oops</html>\n");

        assertThat(days(newProcess(), T0, 3)).isEqualTo(exchange(T0.minus(Duration.ofDays(3)), T0));
        assertThat(stub.asked()).hasSize(1);
    }

    @Test
    void aGapTheExchangeAlsoHasIsKeptAndNotFetchedEveryCycle() {
        long outage = T0.minus(Duration.ofDays(1)).toEpochMilli();
        stub.outage(t -> t >= outage && t < outage + 3 * STEP);
        CachedKlineSource source = newProcess();

        List<Kline> klines = days(source, T0, 3);
        assertThat(klines).hasSize(864 - 3);
        assertThat(days(source, T0, 3)).isEqualTo(klines);
        assertThat(stub.asked()).hasSize(1);

        stub.forgetRequests();
        CachedKlineSource restarted = newProcess();
        assertThat(days(restarted, T0, 3)).isEqualTo(klines);
        assertThat(stub.asked()).singleElement().satisfies(a -> { // asked once whether the hole is real
            assertThat(a.startTime()).isEqualTo(outage);
            assertThat(a.endTime()).isEqualTo(outage + 2 * STEP);
        });
        stub.forgetRequests();
        assertThat(days(restarted, T0, 3)).isEqualTo(klines);
        assertThat(stub.asked()).isEmpty();
    }

    @Test
    void barsBeforeTheListingAreAskedForOnlyOnce() {
        stub.listedAt(T0.minus(Duration.ofDays(2)).toEpochMilli());
        CachedKlineSource source = newProcess();

        assertThat(days(source, T0, 3)).hasSize(576);
        stub.forgetRequests();
        assertThat(days(source, T0, 3)).hasSize(576);
        assertThat(stub.asked()).isEmpty();
    }

    @Test
    void aRangeThatDoesNotTouchTheCacheReplacesIt() throws IOException {
        CachedKlineSource source = newProcess();
        days(source, T0, 1);
        stub.forgetRequests();
        Instant later = T0.plus(Duration.ofDays(30));

        assertThat(days(source, later, 1)).isEqualTo(exchange(later.minus(Duration.ofDays(1)), later));
        assertThat(stub.asked()).singleElement()
                .satisfies(a -> assertThat(a.startTime()).isEqualTo(later.minus(Duration.ofDays(1)).toEpochMilli()));
        assertThat(cacheLines()).hasSize(289);
    }

    @Test
    void theCacheStaysBoundedButNeverLosesTheRangeBeingServed() throws IOException {
        FakeTime wall = new FakeTime(T0);
        CachedKlineSource source = new CachedKlineSource(new BinanceKlineClient(server.url("/").uri(),
                Duration.ofSeconds(5), BinanceRetryPolicy.DEFAULT, wall, wall, new Random(3)), store, 500);
        for (int hours = 0; hours <= 48; hours += 4) {
            Instant now = T0.plus(Duration.ofHours(hours));
            assertThat(days(source, now, 1)).isEqualTo(exchange(now.minus(Duration.ofDays(1)), now));
            assertThat(cacheLines().size() - 1).isBetween(288, 550);
        }
        assertThat(days(source, T0.plus(Duration.ofDays(2)), 3)).hasSize(864); // more than the bound: all kept
        assertThat(cacheLines()).hasSize(865);
    }
}
