package alpha12.stress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The size of the exchange-fault soak, from system properties so a longer soak needs no code change
 * (docs/stress.md, "Exchange faults"). The defaults are the CI soak: 30 simulated days, faults on 15% of the
 * requests of the first 23 days, ~2,500 requests, a few minutes.
 *
 * @param days         simulated days replayed, ending {@link #END}
 * @param cleanDays    the last days of the replay, during which the fake answers every request properly
 * @param share        the share of requests spoiled before then
 * @param retryAfter   the longest Retry-After (seconds) a 429/418 asks for
 * @param seed         the fakes' draws
 * @param minRequests  requests the faulty run must have served, or the soak proves too little
 * @param deadline     how long the daemons may take before the soak gives up on them
 */
record FaultSoakSettings(int days, int cleanDays, double share, int retryAfter, long seed, int minRequests,
                         Duration deadline) {

    /** The replay ends here, where the sample's 15m data (from 2024-01-01) still has 90 days before it. */
    static final Instant END = Instant.parse("2024-03-31T00:00:00Z");
    /** The first day with enough 15m history before it (the analysis needs four days). */
    static final Instant EARLIEST_START = Instant.parse("2024-01-06T00:00:00Z");
    static final String PREFIX = "alpha12.faults.";

    FaultSoakSettings {
        if (days < 2 || END.minus(Duration.ofDays(days)).isBefore(EARLIEST_START)) {
            throw new IllegalArgumentException(PREFIX + "days must be 2.." + Duration.between(EARLIEST_START, END)
                    .toDays() + " (the sample's 15m data starts 2024-01-01), got " + days);
        }
        if (cleanDays < 1 || cleanDays >= days) {
            throw new IllegalArgumentException(PREFIX + "cleanDays must be 1.." + (days - 1) + ", got " + cleanDays);
        }
    }

    static FaultSoakSettings fromSystemProperties() {
        return new FaultSoakSettings(
                property("days", 30, Integer::parseInt),
                property("cleanDays", 7, Integer::parseInt),
                property("share", 0.15, Double::parseDouble),
                property("retryAfter", 2, Integer::parseInt),
                property("seed", 9L, Long::parseLong),
                property("minRequests", 2_000, Integer::parseInt),
                Duration.ofMinutes(property("deadlineMinutes", 10, Integer::parseInt)));
    }

    Instant start() {
        return END.minus(Duration.ofDays(days));
    }

    Instant faultsUntil() {
        return END.minus(Duration.ofDays(cleanDays));
    }

    FaultPlan plan() {
        return new FaultPlan(share, faultsUntil(), List.of(FakeBinanceFault.values()), retryAfter, seed);
    }

    private static <T> T property(String name, T fallback, Function<String, T> parse) {
        String value = System.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + "=" + value + " is not a number like " + fallback);
        }
    }
}
