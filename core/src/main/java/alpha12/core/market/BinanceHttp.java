package alpha12.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance REST GET with the fault handling Binance asks of clients: IO errors, timeouts, 5xx and
 * truncated bodies are retried with jittered exponential back-off; 429 and 418 are answered by waiting
 * {@code Retry-After} (never less) and a long ban blocks every call until it ends instead of extending it;
 * the used request weight is watched so the client pauses before the per-minute limit; Binance error
 * bodies, region blocks and HTML pages become one-line errors.
 */
final class BinanceHttp {

    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    static final String BASE_URL_KEY = "ALPHA12_BINANCE_BASE_URL";
    static final String TIMEOUT_KEY = "ALPHA12_HTTP_TIMEOUT_SECONDS";

    private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** When a 429/418 carries no usable Retry-After: Binance's weight window is one minute. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Pattern TITLE = Pattern.compile("<title>\\s*(.*?)\\s*</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Reads a 200 body; throws {@link TruncatedBody} when the body ends early (worth another try).
     * {@code serverTime} is the response's {@code Date} header (whole seconds), or null without one.
     */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] body, Instant serverTime) throws TruncatedBody;
    }

    /** The body ended before the document did: a cut connection or proxy, so the request is retried. */
    static final class TruncatedBody extends Exception {
        TruncatedBody(String message) {
            super(message);
        }
    }

    /** A failure worth another attempt after a back-off. */
    private static final class Retriable extends Exception {
        Retriable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final OkHttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final BinanceRetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random jitter;

    private Instant blockedUntil = Instant.MIN;
    private String blockedBecause = "";
    private Instant pausedUntil = Instant.MIN;

    BinanceHttp(String baseUrl, Duration timeout, BinanceRetryPolicy policy, Clock clock, Sleeper sleeper,
                Random jitter) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .build();
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /**
     * GETs {@code url} and reads the 200 body.
     *
     * @param what   the request in words for errors and logs, e.g. {@code BTCUSDT 5m klines from 2024-...}
     * @param symbol the symbol, named when Binance does not know it
     */
    <T> T get(HttpUrl url, String what, String symbol, BodyReader<T> reader) {
        Request request = new Request.Builder().url(url).header("User-Agent", "alpha12 (kline client)").get().build();
        int failures = 0;
        int rateLimitWaits = 0;
        while (true) {
            awaitTurn(what);
            Retriable failure;
            try (Response response = client.newCall(request).execute()) {
                watchWeight(response);
                int code = response.code();
                if (code == 200) {
                    return reader.read(response.body().bytes(), serverTime(response));
                }
                String body = response.peekBody(8_192).string();
                if (code == 429 || code == 418) {
                    rateLimited(response, body, what);
                    if (++rateLimitWaits > policy.maxRateLimitWaits()) {
                        throw new MarketDataException("binance " + what + ": still rate-limited after "
                                + policy.maxRateLimitWaits() + " waits (" + blockedBecause + "); giving up this call");
                    }
                    continue;
                }
                if (code >= 500) {
                    throw new Retriable("HTTP " + code + " (" + describe(body) + ")", null);
                }
                throw refused(code, body, what, symbol);
            } catch (IOException e) {
                failure = new Retriable(describe(e), e);
            } catch (TruncatedBody e) {
                failure = new Retriable(e.getMessage(), e);
            } catch (Retriable e) {
                failure = e;
            }
            failures++;
            if (failures >= policy.maxAttempts()) {
                throw new MarketDataException("binance " + what + ": " + failure.getMessage() + "; gave up after "
                        + failures + " attempts", failure.getCause());
            }
            Duration wait = backoff(failures);
            LOG.warn("binance {}: {}; retry {} of {} in {} ms", what, failure.getMessage(), failures,
                    policy.maxAttempts() - 1, wait.toMillis());
            sleep(wait, what);
        }
    }

    /** Waits out a rate-limit block or weight pause; fails at once when a ban lasts longer than we wait. */
    private void awaitTurn(String what) {
        Instant now = clock.instant();
        Instant blocked;
        Instant paused;
        String because;
        synchronized (this) {
            blocked = blockedUntil;
            paused = pausedUntil;
            because = blockedBecause;
        }
        if (blocked.isAfter(now)) {
            Duration wait = Duration.between(now, blocked);
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                throw new MarketDataException("binance " + what + ": " + because + "; no request is sent until "
                        + blocked + " (" + wait.toSeconds() + " s from now, longer than the "
                        + policy.maxRetryAfter().toSeconds() + " s a call waits; requests during a ban extend it)");
            }
            LOG.warn("binance {}: {}; waiting {} ms as Retry-After asks", what, because, wait.toMillis());
            sleep(wait, what);
        }
        if (paused.isAfter(now)) {
            sleep(Duration.between(now, paused), what);
        }
    }

    private void rateLimited(Response response, String body, String what) {
        Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
        String because = (response.code() == 418
                ? "HTTP 418: Binance has banned this IP for sending too many requests"
                : "HTTP 429: Binance's request-weight limit was exceeded") + " (" + describe(body) + ", Retry-After "
                + wait.toSeconds() + " s)";
        synchronized (this) {
            Instant until = clock.instant().plus(wait);
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
            blockedBecause = because;
        }
    }

    private static Instant serverTime(Response response) {
        String date = response.header("Date");
        if (date == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Optional<Duration> retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                LOG.warn("binance: unreadable Retry-After '{}'; waiting {} s", value, DEFAULT_RETRY_AFTER.toSeconds());
                return Optional.empty();
            }
        }
    }

    /** Binance counts weight per IP per minute; near the limit, wait for the next minute's fresh budget. */
    private void watchWeight(Response response) {
        String header = response.header(WEIGHT_HEADER);
        if (header == null) {
            return;
        }
        int used;
        try {
            used = Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (used >= policy.slowDownAtWeight()) {
            Instant now = clock.instant();
            long nextMinute = (Math.floorDiv(now.toEpochMilli(), 60_000L) + 1) * 60_000L;
            Instant until = Instant.ofEpochMilli(nextMinute).plusSeconds(1); // a second's margin for clock skew
            synchronized (this) {
                if (until.isAfter(pausedUntil)) {
                    pausedUntil = until;
                }
            }
            LOG.warn("binance: request weight {} of {} used this minute; pausing {} ms until the next minute", used,
                    BinanceRetryPolicy.WEIGHT_LIMIT_PER_MINUTE, Duration.between(now, until).toMillis());
        }
    }

    private Duration backoff(int retry) {
        long step = policy.backoffStep(retry).toMillis();
        return Duration.ofMillis(step / 2 + (long) (jitter.nextDouble() * (step - step / 2)));
    }

    private void sleep(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketDataException("binance " + what + ": interrupted while waiting to retry", e);
        }
    }

    /** A 4xx other than 429/418: not retried, since asking again gets the same answer. */
    private MarketDataException refused(int code, String body, String what, String symbol) {
        if (code == 451 || code == 403) {
            return new MarketDataException("binance " + what + ": HTTP " + code + " (" + describe(body)
                    + "): Binance refuses this network's region; set " + BASE_URL_KEY + " (now " + baseUrl
                    + ") to a Binance endpoint you may use, or run on --source sample / csv:<dir>");
        }
        JsonNode error = errorBody(body);
        if (error != null && error.path("code").asInt() == -1121) {
            return new MarketDataException("binance " + what + ": Binance does not know the symbol '" + symbol
                    + "' (code -1121 " + error.path("msg").asText() + "); check ALPHA12_SYMBOL / --symbols");
        }
        String hint = body.stripLeading().startsWith("<") || code == 404
                ? "; is " + BASE_URL_KEY + " (now " + baseUrl + ") the Binance REST API?" : "";
        return new MarketDataException("binance " + what + ": Binance rejected the request with HTTP " + code + " ("
                + describe(body) + ")" + hint);
    }

    /** A Binance error body {@code {"code":-1121,"msg":"Invalid symbol."}}, or null. */
    private static JsonNode errorBody(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.has("code") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A body in a few words for a one-line error. */
    static String describe(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "empty body";
        }
        JsonNode error = errorBody(text);
        if (error != null) {
            return "code " + error.path("code").asText() + " " + error.path("msg").asText();
        }
        if (text.startsWith("<")) {
            Matcher title = TITLE.matcher(text);
            return title.find() ? "an HTML page titled '" + oneLine(title.group(1), 80) + "'" : "an HTML page";
        }
        return "'" + oneLine(text, 120) + "'";
    }

    private String describe(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "no answer within " + timeout.toMillis() / 1000.0 + " s (" + TIMEOUT_KEY + "): " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "cannot resolve host " + e.getMessage() + " (" + BASE_URL_KEY + " is " + baseUrl + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String oneLine(String s, int max) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }
}
