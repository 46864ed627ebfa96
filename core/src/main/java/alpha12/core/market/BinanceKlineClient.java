package alpha12.core.market;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed klines from Binance spot, {@code GET /api/v3/klines}, 1,000 per request, paging forward from
 * {@code from} until {@code now} (120 days of 5m bars take 35 requests). {@code endTime} is the open of
 * the last bar closed at {@code now}, so a simulated clock hides later bars, and a still-open candle is
 * dropped even if the server sends one, judged by {@code now} and by the server's own clock (its
 * {@code Date} header), so a local clock running ahead cannot let a live candle into the cache. Every
 * page is validated. Faults are handled by {@link BinanceHttp}
 * under a {@link BinanceRetryPolicy}.
 */
public final class BinanceKlineClient implements KlineSource {

    /** The most klines Binance spot returns per request. */
    public static final int PAGE_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceKlineClient.class);

    private final HttpUrl klinesUrl;
    private final String name;
    private final BinanceHttp http;

    /** A client on the real clock, sleeping for real, with {@link BinanceRetryPolicy#DEFAULT}. */
    public BinanceKlineClient(URI baseUrl, Duration timeout) {
        this(baseUrl, timeout, BinanceRetryPolicy.DEFAULT, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }

    /**
     * @param wallClock real time, for Retry-After and the weight minute (not the simulated {@code now})
     * @param jitter    randomness for the back-off jitter
     */
    public BinanceKlineClient(URI baseUrl, Duration timeout, BinanceRetryPolicy policy, Clock wallClock,
                              Sleeper sleeper, Random jitter) {
        HttpUrl base = HttpUrl.parse(baseUrl.toString());
        if (base == null) {
            throw new IllegalArgumentException(BinanceHttp.BASE_URL_KEY + " is not an http(s) URL: " + baseUrl);
        }
        this.klinesUrl = base.newBuilder().addPathSegments("api/v3/klines").build();
        this.name = "binance " + baseUrl;
        this.http = new BinanceHttp(baseUrl.toString(), timeout, policy, wallClock, sleeper, jitter);
    }

    @Override
    public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
        long nowMs = now.toEpochMilli();
        long end = KlineRange.lastClosedOpen(interval, now);
        long start = KlineRange.firstOpenAtOrAfter(interval, from);
        List<Kline> out = new ArrayList<>();
        int pages = 0;
        int dropped = 0;
        while (start <= end) {
            Page page = page(symbol, interval, start, end);
            pages++;
            long closedBy = page.serverTime() == null ? nowMs : Math.min(nowMs, page.serverTime().toEpochMilli());
            for (Kline k : page.klines()) {
                if (k.isClosedAt(interval, closedBy)) {
                    out.add(k);
                } else {
                    dropped++;
                }
            }
            if (page.klines().size() < PAGE_LIMIT) {
                break;
            }
            start = page.klines().get(PAGE_LIMIT - 1).openTime() + interval.millis();
        }
        KlineValidation.check(name, symbol, interval, out);
        LOG.debug("{}: {} {} {} closed bars in {} request(s), {} open bar(s) dropped", name, symbol, interval,
                out.size(), pages, dropped);
        return out;
    }

    /** One response: its klines and the server's clock ({@code Date} header, null when absent). */
    private record Page(List<Kline> klines, Instant serverTime) {
    }

    private Page page(String symbol, Interval interval, long start, long end) {
        HttpUrl url = klinesUrl.newBuilder()
                .addQueryParameter("symbol", symbol)
                .addQueryParameter("interval", interval.code())
                .addQueryParameter("startTime", Long.toString(start))
                .addQueryParameter("endTime", Long.toString(end))
                .addQueryParameter("limit", Integer.toString(PAGE_LIMIT))
                .build();
        String what = symbol + " " + interval + " klines from " + Instant.ofEpochMilli(start);
        Page page = http.get(url, what, symbol,
                (body, serverTime) -> new Page(BinanceKlineJson.parse(body, name + " " + what), serverTime));
        List<Kline> klines = page.klines();
        KlineValidation.check(name + " " + what, symbol, interval, klines);
        if (klines.size() > PAGE_LIMIT || !klines.isEmpty() && klines.get(0).openTime() < start) {
            throw new MarketDataException(name + " " + what + ": the response is not the page asked for ("
                    + klines.size() + " bars from " + Instant.ofEpochMilli(klines.isEmpty() ? start
                    : klines.get(0).openTime()) + ", asked for at most " + PAGE_LIMIT + " from "
                    + Instant.ofEpochMilli(start) + ")");
        }
        return page;
    }

    @Override
    public String name() {
        return name;
    }
}
