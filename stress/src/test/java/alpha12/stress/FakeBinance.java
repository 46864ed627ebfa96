package alpha12.stress;

import alpha12.core.market.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Binance's {@code GET /api/v3/klines} on loopback for one client (one daemon), serving the real sample
 * ({@link FakeBinanceKlines}) and spoiling a share of the answers as its {@link FaultPlan} says.
 *
 * <p>The fake has no clock of its own: a replaying daemon's time is simulated, and the only trace of it in a
 * request is {@code endTime}, the open of the last bar the client believes closed. The earliest moment that
 * is true is that bar's close, so the fake takes {@code endTime + interval} as its "now" for the request (the
 * {@code Date} header says so): the window then ends with the last closed bar, as on the real exchange.
 * For an {@link FakeBinanceFault#OPEN_CANDLE} the fake's clock lags instead, somewhere inside the last bar,
 * which Binance then still shows open.
 *
 * <p>Like Binance, it holds a client to {@code Retry-After}: a request that arrives before the wait it was given
 * has elapsed is recorded as a violation and answered 418. Every request is recorded with its arrival time.
 */
final class FakeBinance extends Dispatcher {

    /** Binance's spot weight of one klines request, and its per-minute limit. */
    static final int WEIGHT_PER_REQUEST = 2;
    static final int WEIGHT_LIMIT = 6_000;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String TOO_MUCH_WEIGHT = sample("error-http429-code-1003-too-much-weight.json");
    private static final String IP_BANNED = sample("error-http418-code-1003-ip-banned.json");
    private static final String INVALID_SYMBOL = sample("error-http400-code-1121-invalid-symbol.json");
    private static final String UNKNOWN_ERROR =
            "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}";
    private static final String TRY_AGAIN =
            "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}";
    private static final String GATEWAY_PAGE = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
            <HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">
            <TITLE>ERROR: The request could not be satisfied</TITLE>
            </HEAD><BODY>
            <H1>504 Gateway Timeout ERROR</H1>
            <H2>The request could not be satisfied.</H2>
            <HR noshade size="1px">
            We can't connect to the server for this app or website at this time.
            </BODY></HTML>
            """;

    /**
     * One request as the fake saw it.
     *
     * @param arrivalNanos  {@link System#nanoTime()} when it arrived
     * @param fakeNow       the fake's clock for this request (see the class comment)
     * @param fault         the fault it was answered with, if any
     * @param retryAfter    the wait it was told to honour (zero unless 429/418)
     * @param violation     it arrived before an earlier Retry-After had elapsed
     */
    record Served(long arrivalNanos, String target, Interval interval, Instant fakeNow,
                  Optional<FakeBinanceFault> fault, Duration retryAfter, boolean violation) {
    }

    private final FaultPlan plan;
    private final Duration clientTimeout;
    private final Random random;
    private final List<Served> served = new ArrayList<>();
    private long waitUntilNanos = Long.MIN_VALUE;
    private long weightMinute = Long.MIN_VALUE;
    private int weightUsed;

    /** @param clientTimeout the client's read timeout, which the slow faults outlast */
    FakeBinance(FaultPlan plan, Duration clientTimeout) {
        this.plan = plan;
        this.clientTimeout = clientTimeout;
        this.random = new Random(plan.seed());
    }

    synchronized List<Served> served() {
        return List.copyOf(served);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long arrival = System.nanoTime();
        HttpUrl url = request.getUrl();
        if (!url.encodedPath().equals("/api/v3/klines")) {
            return new MockResponse.Builder().code(404).build();
        }
        Optional<Interval> interval = Interval.fromCode(String.valueOf(url.queryParameter("interval")));
        if (interval.isEmpty()) {
            return error(400, "{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        }
        if (!"BTCUSDT".equals(url.queryParameter("symbol"))) {
            return error(400, INVALID_SYMBOL);
        }
        OptionalLong start;
        OptionalLong end;
        OptionalLong limit;
        try {
            start = number(url, "startTime");
            end = number(url, "endTime");
            limit = number(url, "limit");
        } catch (IllegalArgumentException e) {
            return error(400, "{\"code\":-1100,\"msg\":\"" + e.getMessage() + "\"}");
        }
        if (limit.isPresent() && (limit.getAsLong() < 1 || limit.getAsLong() > FakeBinanceKlines.MAX_LIMIT)) {
            return error(400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}");
        }
        if (start.isPresent() && end.isPresent() && start.getAsLong() > end.getAsLong()) {
            return error(400, "{\"code\":-1023,\"msg\":\"Start time is greater than end time.\"}");
        }
        Interval iv = interval.get();
        long now = end.isPresent() ? end.getAsLong() + iv.millis() : lastSampleClose(iv);
        return answer(arrival, request.getTarget(), iv, start, end,
                (int) limit.orElse(FakeBinanceKlines.DEFAULT_LIMIT), now);
    }

    private MockResponse answer(long arrival, String target, Interval iv, OptionalLong start, OptionalLong end,
                                int limit, long now) {
        FakeBinanceFault fault;
        Duration wait = Duration.ZERO;
        int weight;
        synchronized (this) {
            boolean violation = arrival < waitUntilNanos;
            fault = violation ? FakeBinanceFault.IP_BANNED_418 : plan.draw(random, Instant.ofEpochMilli(now));
            weight = weigh();
            if (violation) {
                wait = Duration.ofNanos(waitUntilNanos - arrival).plusSeconds(1).withNanos(0);
            } else if (fault == null && weight > WEIGHT_LIMIT) {
                fault = FakeBinanceFault.RATE_LIMITED_429; // Binance's own limit, not an injected fault
                wait = Duration.ofSeconds(60 - Math.floorMod(System.currentTimeMillis() / 1000, 60));
            } else if (fault != null && fault.asksToWait()) {
                wait = Duration.ofSeconds(plan.drawRetryAfter(random));
            }
            waitUntilNanos = Math.max(waitUntilNanos, arrival + wait.toNanos());
            if (fault == FakeBinanceFault.OPEN_CANDLE) {
                now -= 1 + random.nextInt((int) Math.min(iv.millis() - 1, Integer.MAX_VALUE - 1));
            }
            served.add(new Served(arrival, target, iv, Instant.ofEpochMilli(now), Optional.ofNullable(fault), wait,
                    violation));
        }
        String body = FakeBinanceKlines.json(FakeBinanceKlines.window(iv, start, end, limit, now));
        MockResponse.Builder response = new MockResponse.Builder()
                .setHeader("Date", HTTP_DATE.format(Instant.ofEpochMilli(now)))
                .setHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(weight))
                .setHeader("Content-Type", "application/json;charset=UTF-8");
        return fault == null || fault == FakeBinanceFault.OPEN_CANDLE
                ? response.code(200).body(body).build() : spoil(response, fault, body, wait);
    }

    private MockResponse spoil(MockResponse.Builder response, FakeBinanceFault fault, String body, Duration wait) {
        long timeoutMs = clientTimeout.toMillis();
        return switch (fault) {
            case RATE_LIMITED_429 -> response.code(429).setHeader("Retry-After", wait.toSeconds())
                    .body(TOO_MUCH_WEIGHT).build();
            case IP_BANNED_418 -> response.code(418).setHeader("Retry-After", wait.toSeconds()).body(IP_BANNED)
                    .build();
            case SERVER_ERROR_500 -> response.code(500).body(UNKNOWN_ERROR).build();
            case BAD_GATEWAY_502 -> response.code(502).removeHeader("Content-Type").body("").build();
            case UNAVAILABLE_503 -> response.code(503).body(TRY_AGAIN).build();
            case HTML_ERROR_PAGE -> response.code(504).setHeader("Content-Type", "text/html").body(GATEWAY_PAGE)
                    .build();
            case SLOW_BODY -> response.code(200).body(body)
                    .throttleBody(Math.max(1, body.length() / 8), timeoutMs * 7 / 10, TimeUnit.MILLISECONDS).build();
            case STALLED_BODY -> response.code(200).body(body)
                    .bodyDelay(timeoutMs + 500, TimeUnit.MILLISECONDS).build();
            case TRUNCATED_JSON -> response.code(200).body(body.substring(0, random(body.length()))).build();
            case CUT_CONNECTION -> response.code(200).body(body).onResponseBody(new SocketEffect.CloseSocket())
                    .build();
            case OPEN_CANDLE -> throw new IllegalStateException("an open candle is a proper answer at the fake's time");
        };
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound);
    }

    /** Binance's used weight this wall-clock minute, this request included. */
    private int weigh() {
        long minute = Math.floorDiv(System.currentTimeMillis(), 60_000L);
        if (minute != weightMinute) {
            weightMinute = minute;
            weightUsed = 0;
        }
        weightUsed += WEIGHT_PER_REQUEST;
        return weightUsed;
    }

    private static MockResponse error(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }

    private static long lastSampleClose(Interval iv) {
        var bars = FakeBinanceKlines.all(iv);
        return bars.isEmpty() ? 0 : iv.closeOf(bars.get(bars.size() - 1).openTime());
    }

    private static OptionalLong number(HttpUrl url, String name) {
        String text = url.queryParameter(name);
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Illegal characters found in parameter '" + name
                    + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    private static String sample(String name) {
        try (InputStream in = FakeBinance.class.getResourceAsStream("/binance/api-samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource binance/api-samples/" + name
                        + " (from core's test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
