package alpha12.core.trading;

import alpha12.core.market.KlineSeries;
import java.time.Instant;
import java.util.Optional;

/**
 * The tracker's lifecycle of a setup over closed bars (1-minute bars, or the setup's own interval), replayed
 * in time order: pending until the bar that triggers it or the first bar opening at its expiry; triggered
 * until the stop, the target, or a timeout at the open of the first bar at or after its expiry. A bar that
 * reaches both stop and target — the trigger bar included — counts as a stop.
 *
 * <p>One instance wraps one batch of bars of one symbol and can advance any number of setups over it: each
 * setup starts at a binary-searched bar and walks the primitive columns without allocating per bar. Only
 * bars opening at or after the setup's creation (for a triggered setup: at or after its trigger bar) count,
 * so replaying bars a setup has already seen changes nothing.
 */
public final class SetupLifecycle {

    private final String symbol;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    /** Wraps {@code bars}, closed and in strictly increasing open time (gaps allowed). */
    public SetupLifecycle(KlineSeries bars) {
        this.symbol = bars.symbol();
        this.openTime = bars.openTime();
        this.open = bars.open();
        this.high = bars.high();
        this.low = bars.low();
        this.close = bars.close();
        for (int i = 0; i < openTime.length; i++) {
            if (i > 0 && openTime[i] <= openTime[i - 1]) {
                throw new IllegalArgumentException(symbol + " bars must be in strictly increasing open time: bar " + i
                        + " opens at " + Instant.ofEpochMilli(openTime[i]) + ", not after bar " + (i - 1));
            }
            if (!(Double.isFinite(open[i]) && Double.isFinite(high[i]) && Double.isFinite(low[i])
                    && Double.isFinite(close[i]))) {
                throw new IllegalArgumentException(symbol + " bar opening at " + Instant.ofEpochMilli(openTime[i])
                        + " has a non-finite price; every open, high, low and close must be a number");
            }
        }
    }

    /**
     * Replays the bars over an active setup. {@code processedAt} becomes {@code triggered_at} if it triggers.
     * The result holds the setup's new state and, when it ended, the exit.
     */
    public Progress advance(Setup setup, Instant processedAt) {
        if (!setup.timeframe().asset().equals(symbol)) {
            throw new IllegalArgumentException("setup " + setup.id() + " is on " + setup.timeframe().asset()
                    + ", these bars are " + symbol);
        }
        return switch (setup.lifecycle().status()) {
            case PENDING -> advancePending(setup, processedAt);
            case TRIGGERED -> {
                Instant triggerTs = setup.lifecycle().triggerTs().orElseThrow(() -> new IllegalArgumentException(
                        "setup " + setup.id() + " is triggered but has no trigger_ts; its trigger bar is needed to "
                                + "replay it"));
                long from = Math.max(setup.lifecycle().createdAt().toEpochMilli(), triggerTs.toEpochMilli());
                yield advanceTriggered(setup, firstOpenAtOrAfter(from));
            }
            default -> throw new IllegalArgumentException("setup " + setup.id() + " is " + setup.lifecycle().status()
                    + "; only pending or triggered setups are replayed");
        };
    }

    /** A person's cancellation of an active setup: status cancelled, and a cancelled trade row with zero pnl. */
    public static Progress cancel(Setup setup, Instant at) {
        if (!setup.lifecycle().status().isActive()) {
            throw new IllegalArgumentException("setup " + setup.id() + " is already " + setup.lifecycle().status()
                    + "; only pending or triggered setups can be cancelled");
        }
        return ended(setup, new Exit(Outcome.CANCELLED, at, Double.NaN));
    }

    private Progress advancePending(Setup s, Instant processedAt) {
        long expires = s.lifecycle().expiresAt().toEpochMilli();
        boolean isLong = s.direction() == Direction.LONG;
        double entry = s.levels().entry();
        boolean closeThrough = s.trigger().rule() == TriggerRule.CLOSE_THROUGH;
        double buffer = s.trigger().entryBufferBps() / 10_000.0;
        double closeBeyond = isLong ? entry * (1 + buffer) : entry * (1 - buffer);
        for (int i = firstOpenAtOrAfter(s.lifecycle().createdAt().toEpochMilli()); i < openTime.length; i++) {
            if (openTime[i] >= expires) {
                return ended(s, new Exit(Outcome.EXPIRED, Instant.ofEpochMilli(openTime[i]), Double.NaN));
            }
            boolean touched = isLong ? low[i] <= entry : high[i] >= entry;
            if (touched && (!closeThrough || (isLong ? close[i] >= closeBeyond : close[i] <= closeBeyond))) {
                // The trigger bar itself is also checked for the stop and the target.
                return advanceTriggered(s.triggered(processedAt, Instant.ofEpochMilli(openTime[i])), i);
            }
        }
        return new Progress(s, Optional.empty());
    }

    private Progress advanceTriggered(Setup s, int from) {
        long expires = s.lifecycle().expiresAt().toEpochMilli();
        boolean isLong = s.direction() == Direction.LONG;
        double stop = s.levels().stop();
        double target = s.levels().target();
        for (int i = from; i < openTime.length; i++) {
            if (openTime[i] >= expires) {
                // The position is closed when its validity ends: at the first price after it, this bar's open.
                return ended(s, new Exit(Outcome.TIMEOUT, Instant.ofEpochMilli(openTime[i]), open[i]));
            }
            // Checked before the target: within one bar the order of the extremes is unknown, assume the worse.
            if (isLong ? low[i] <= stop : high[i] >= stop) {
                return ended(s, new Exit(Outcome.STOP, Instant.ofEpochMilli(openTime[i]), stop));
            }
            if (isLong ? high[i] >= target : low[i] <= target) {
                return ended(s, new Exit(Outcome.TARGET, Instant.ofEpochMilli(openTime[i]), target));
            }
        }
        return new Progress(s, Optional.empty());
    }

    private static Progress ended(Setup s, Exit exit) {
        return new Progress(s.withStatus(exit.outcome().status()), Optional.of(exit));
    }

    /** Index of the first bar opening at or after {@code t} (the bar count when there is none). */
    private int firstOpenAtOrAfter(long t) {
        int lo = 0;
        int hi = openTime.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openTime[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
