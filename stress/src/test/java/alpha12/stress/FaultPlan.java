package alpha12.stress;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Which requests a {@link FakeBinance} spoils: each request whose simulated time is before {@code faultsUntil}
 * gets one of {@code faults}, drawn uniformly, with probability {@code share}; later requests are all answered
 * properly ("the faults stop").
 *
 * @param share              the share of requests answered with a fault while faults last, 0..1
 * @param faultsUntil        simulated time from which no fault is injected
 * @param faults             the faults to draw from
 * @param maxRetryAfterSeconds the longest {@code Retry-After} a 429 or 418 asks for (each draws 1..this)
 * @param seed               for the draws, so a run's fault sequence repeats
 */
record FaultPlan(double share, Instant faultsUntil, List<FakeBinanceFault> faults, int maxRetryAfterSeconds,
                 long seed) {

    FaultPlan {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("fault share must be within 0..1, got " + share);
        }
        if (maxRetryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 s, got " + maxRetryAfterSeconds);
        }
        faults = List.copyOf(faults);
    }

    /** A fake that never fails: the fault-free run. */
    static FaultPlan none() {
        return new FaultPlan(0, Instant.MIN, List.of(FakeBinanceFault.values()), 1, 0);
    }

    /** The fault for a request at simulated time {@code now}, or null for a proper answer. */
    FakeBinanceFault draw(Random random, Instant now) {
        if (share == 0 || !now.isBefore(faultsUntil) || random.nextDouble() >= share) {
            return null;
        }
        return faults.get(random.nextInt(faults.size()));
    }

    int drawRetryAfter(Random random) {
        return 1 + random.nextInt(maxRetryAfterSeconds);
    }
}
