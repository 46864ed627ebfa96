package alpha12.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in for {@code GET /api/v3/klines} that answers any window with the real candles of the 5m
 * sample response, re-stamped: bar {@code t} gets the values of sample row {@code (t / interval) mod 999}
 * (the 999 closed candles) and open/close times of its own, so every request sees the same bar for the
 * same open time. It honours startTime, endTime and limit like Binance, can have a listing time and
 * outages, and reports a growing {@code X-MBX-USED-WEIGHT-1M}.
 */
public final class BinanceStub extends Dispatcher {

    /** One request as the stub saw it. */
    record Asked(String symbol, String interval, long startTime, long endTime, int limit) {
    }

    private final List<String[]> rows = new ArrayList<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private long listing = Long.MIN_VALUE;
    private LongPredicate outage = t -> false;
    private int weightPerRequest = 2;
    private int weight;

    public BinanceStub() {
        try {
            JsonNode all = new ObjectMapper().readTree(BinanceSamples.text(BinanceSamples.KLINES_5M));
            for (int i = 0; i < all.size() - 1; i++) { // the last candle was still open
                JsonNode k = all.get(i);
                String[] fields = new String[12];
                for (int f = 0; f < 12; f++) {
                    fields[f] = k.get(f).toString(); // JSON text: strings keep their quotes
                }
                rows.add(fields);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No bars before this open time (the symbol's listing). */
    BinanceStub listedAt(long openTime) {
        this.listing = openTime;
        return this;
    }

    /** Bars whose open time matches are missing, as in an exchange outage. */
    BinanceStub outage(LongPredicate missing) {
        this.outage = missing;
        return this;
    }

    /** Weight each request adds to X-MBX-USED-WEIGHT-1M. */
    BinanceStub weightPerRequest(int weight) {
        this.weightPerRequest = weight;
        return this;
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    void forgetRequests() {
        asked.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        var url = request.getUrl();
        Interval interval = Interval.fromCode(url.queryParameter("interval")).orElseThrow();
        long start = Long.parseLong(url.queryParameter("startTime"));
        long end = Long.parseLong(url.queryParameter("endTime"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        asked.add(new Asked(url.queryParameter("symbol"), interval.code(), start, end, limit));
        synchronized (this) {
            weight += weightPerRequest;
        }
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader(BinanceHttp.WEIGHT_HEADER, Integer.toString(weight))
                .body(body(interval, start, end, limit))
                .build();
    }

    /** The JSON Binance would send for this window. */
    String body(Interval interval, long start, long end, int limit) {
        StringBuilder out = new StringBuilder("[");
        long t = Math.max(start, listing);
        long open = interval.openOf(t) < t ? interval.openOf(t) + interval.millis() : interval.openOf(t);
        int n = 0;
        for (; open <= end && n < limit; open += interval.millis()) {
            if (outage.test(open)) {
                continue;
            }
            String[] f = rows.get((int) Math.floorMod(open / interval.millis(), (long) rows.size()));
            out.append(n++ == 0 ? "[" : ",[").append(open);
            for (int i = 1; i < 12; i++) {
                out.append(',').append(i == 6 ? Long.toString(open + interval.millis() - 1) : f[i]);
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** The candle the stub serves for {@code open}, as the client should parse it. */
    Kline bar(Interval interval, long open) {
        String[] f = rows.get((int) Math.floorMod(open / interval.millis(), (long) rows.size()));
        return new Kline(open, d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), open + interval.millis() - 1, d(f[7]),
                Long.parseLong(f[8]), d(f[9]), d(f[10]), d(f[11]));
    }

    private static double d(String quoted) {
        return Double.parseDouble(quoted.replace("\"", ""));
    }
}
