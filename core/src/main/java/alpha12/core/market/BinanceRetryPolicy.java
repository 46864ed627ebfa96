package alpha12.core.market;

import java.time.Duration;

/**
 * How the Binance client rides out faults.
 *
 * @param maxAttempts       attempts per request for IO errors, timeouts, 5xx and truncated bodies
 * @param firstBackoff      wait before the first retry; it doubles each retry (capped at {@code maxBackoff}),
 *                          and each wait is drawn uniformly from [half, all] of that (jitter)
 * @param maxBackoff        the largest back-off step
 * @param maxRateLimitWaits 429/418 answers honoured (by waiting {@code Retry-After}) per request before giving up
 * @param maxRetryAfter     the longest {@code Retry-After} the client waits inside a call; a longer one (an IP ban
 *                          runs from 2 minutes to 3 days) fails the call and every call until it has passed
 * @param slowDownAtWeight  request weight used this minute ({@code X-MBX-USED-WEIGHT-1M}) from which the client
 *                          pauses until the next minute, below Binance's limit of 6,000 per minute
 */
public record BinanceRetryPolicy(
        int maxAttempts,
        Duration firstBackoff,
        Duration maxBackoff,
        int maxRateLimitWaits,
        Duration maxRetryAfter,
        int slowDownAtWeight) {

    /** Binance's spot request-weight limit per minute (REQUEST_WEIGHT 6000 / 1 MINUTE). */
    public static final int WEIGHT_LIMIT_PER_MINUTE = 6_000;

    /**
     * 5 attempts with back-offs of 0.5–1, 1–2, 2–4 and 4–8 s (at most 15 s of waiting); up to 3 rate-limit
     * waits of at most 2 minutes each; pause at 90% of the weight limit.
     */
    public static final BinanceRetryPolicy DEFAULT = new BinanceRetryPolicy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(16), 3, Duration.ofMinutes(2), 5_400);

    public BinanceRetryPolicy {
        if (maxAttempts < 1 || maxRateLimitWaits < 0 || slowDownAtWeight < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, rate-limit waits >= 0, weight >= 1");
        }
    }

    /** The jitter-free back-off before retry number {@code retry} (1 = first retry). */
    Duration backoffStep(int retry) {
        Duration step = firstBackoff;
        for (int i = 1; i < retry && step.compareTo(maxBackoff) < 0; i++) {
            step = step.multipliedBy(2);
        }
        return step.compareTo(maxBackoff) > 0 ? maxBackoff : step;
    }
}
