package alpha12.stress;

/**
 * The ways a {@link FakeBinance} spoils an answer, each one Binance or the proxies in front of it are known
 * to produce. Where the body matters, it is Binance's own (the error samples) or a typical gateway page.
 */
enum FakeBinanceFault {
    /** HTTP 429, Binance's weight-limit error, with {@code Retry-After}; a request before it elapses is a violation. */
    RATE_LIMITED_429,
    /** HTTP 418, Binance's IP ban, with {@code Retry-After}; a request before it elapses is a violation. */
    IP_BANNED_418,
    /** HTTP 500 with Binance's {@code -1000} unknown-error body. */
    SERVER_ERROR_500,
    /** HTTP 502 with an empty body, as a load balancer sends it. */
    BAD_GATEWAY_502,
    /** HTTP 503 with Binance's {@code -1001} "please try again" body. */
    UNAVAILABLE_503,
    /** HTTP 504 with a CDN's HTML error page instead of JSON. */
    HTML_ERROR_PAGE,
    /** HTTP 200 whose body trickles in so slowly that the whole call outlasts the client's call timeout. */
    SLOW_BODY,
    /** HTTP 200 whose body does not start until after the client's read timeout. */
    STALLED_BODY,
    /** HTTP 200 with a body cut short inside the JSON (a consistent Content-Length: a proxy cut it). */
    TRUNCATED_JSON,
    /** HTTP 200 whose connection closes half-way through the announced body. */
    CUT_CONNECTION,
    /**
     * HTTP 200 from a server whose clock lags the client's: the window's last bar is still open there, so it
     * comes as an unfinished candle, and the {@code Date} header says so.
     */
    OPEN_CANDLE;

    /** Whether the answer carries {@code Retry-After}, which the client must honour. */
    boolean asksToWait() {
        return this == RATE_LIMITED_429 || this == IP_BANNED_418;
    }
}
