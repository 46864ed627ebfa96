package alpha12.core.market;

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
 * the used request weight is watched so the client pauses before the per-minute limit; other answers
 * become one-line errors ({@link BinanceErrors}).
 */
final class BinanceHttp {

    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    static final String BASE_URL_KEY = "ALPHA12_BINANCE_BASE_URL";
    static final String TIMEOUT_KEY = "ALPHA12_HTTP_TIMEOUT_SECONDS";

    private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
    /** When a 429/418 carries no usable Retry-After: Binance's weight window is one minute. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

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
            try {
                Optional<T> answer = attempt(request, what, symbol, reader);
                if (answer.isPresent()) {
                    return answer.get();
                }
                if (++rateLimitWaits > policy.maxRateLimitWaits()) {
                    throw new MarketDataException("binance " + what + ": still rate-limited after "
                            + policy.maxRateLimitWaits() + " waits (" + blockedBecause + "); giving up this call");
                }
            } catch (Retriable failure) {
                failures++;
                if (failures >= policy.maxAttempts()) {
                    throw new MarketDataException("binance " + what + ": " + failure.getMessage()
                            + "; gave up after " + failures + " attempts", failure.getCause());
                }
                Duration wait = backoff(failures);
                LOG.warn("binance {}: {}; retry {} of {} in {} ms", what, failure.getMessage(), failures,
                        policy.maxAttempts() - 1, wait.toMillis());
                sleep(wait, what);
            }
        }
    }

    /** One request: the body read, or empty after a 429/418 (the block is recorded for the next turn). */
    private <T> Optional<T> attempt(Request request, String what, String symbol, BodyReader<T> reader)
            throws Retriable {
        try (Response response = client.newCall(request).execute()) {
            watchWeight(response);
            int code = response.code();
            if (code == 200) {
                return Optional.of(reader.read(response.body().bytes(), serverTime(response)));
            }
            String body = response.peekBody(8_192).string();
            if (code == 429 || code == 418) {
                rateLimited(response, body);
                return Optional.empty();
            }
            if (code >= 500) {
                throw new Retriable("HTTP " + code + " (" + BinanceErrors.describe(body) + ")", null);
            }
            throw BinanceErrors.refused(code, body, "binance " + what, symbol, baseUrl);
        } catch (IOException e) {
            throw new Retriable(describe(e), e);
        } catch (TruncatedBody e) {
            throw new Retriable(e.getMessage(), e);
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

    private void rateLimited(Response response, String body) {
        Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
        String because = (response.code() == 418
                ? "HTTP 418: Binance has banned this IP for sending too many requests"
                : "HTTP 429: Binance's request-weight limit was exceeded")
                + " (" + BinanceErrors.describe(body) + ", Retry-After " + wait.toSeconds() + " s)";
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

    private String describe(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "no answer within " + timeout.toMillis() / 1000.0 + " s (" + TIMEOUT_KEY + "): " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "cannot resolve host " + e.getMessage() + " (" + BASE_URL_KEY + " is " + baseUrl + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
