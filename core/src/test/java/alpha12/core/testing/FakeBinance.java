package alpha12.core.testing;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * {@code GET /api/v3/klines} as Binance answers it, for daemons run against a MockWebServer through
 * {@code ALPHA12_BINANCE_BASE_URL}: BTCUSDT's real bundled sample candles for any window (startTime,
 * endTime and limit honoured), and for any other symbol Binance's HTTP 400 {@code -1121 Invalid symbol.}
 */
public final class FakeBinance extends Dispatcher {

    /** Binance's answer to an unknown symbol, as recorded in core's test resources (binance/api-samples). */
    public static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";

    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** The query string of every klines request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        var url = request.getUrl();
        requests.add(url.query());
        if (!url.encodedPath().equals("/api/v3/klines")) {
            return new MockResponse.Builder().code(404).body("<html><title>404 Not Found</title></html>").build();
        }
        if (!TestKlines.SYMBOL.equals(url.queryParameter("symbol"))) {
            return json(400, INVALID_SYMBOL);
        }
        Interval interval = Interval.fromCode(url.queryParameter("interval")).orElseThrow();
        long start = Long.parseLong(url.queryParameter("startTime"));
        long end = Long.parseLong(url.queryParameter("endTime"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        StringBuilder body = new StringBuilder("[");
        int n = 0;
        for (Kline k : TestKlines.sample(interval)) {
            if (k.openTime() >= start && k.openTime() <= end && n < limit) {
                body.append(n++ == 0 ? "" : ",").append(json(k));
            }
        }
        return json(200, body.append(']').toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }

    private static String json(Kline k) {
        return "[" + k.openTime() + ",\"" + k.open() + "\",\"" + k.high() + "\",\"" + k.low() + "\",\"" + k.close()
                + "\",\"" + k.volume() + "\"," + k.closeTime() + ",\"" + k.quoteVolume() + "\"," + k.trades() + ",\""
                + k.takerBuyBase() + "\",\"" + k.takerBuyQuote() + "\",\"0\"]";
    }
}
