package alpha12.core.trading;

import alpha12.core.market.Timeframe;
import java.time.Instant;
import java.util.Optional;

/**
 * A trade setup: a limit entry with stop and target, valid until it expires. One row of
 * {@code runs/setups.csv}, whose columns stay flat; here they are grouped by what they describe.
 */
public record Setup(
        String id,
        String uniqueId,
        Timeframe timeframe,
        Direction direction,
        double confidence,
        Origin origin,
        Levels levels,
        Sizing sizing,
        Trigger trigger,
        Lifecycle lifecycle) {

    /** The limit entry, the stop, the target and the planned reward-to-risk ratio. */
    public record Levels(double entry, double stop, double target, double rr) {

        /** Distance from entry to stop: the planned risk per unit. */
        public double riskPerUnit() {
            return Math.abs(entry - stop);
        }
    }

    /** Position size in units of the asset, its notional value and the leverage it takes. */
    public record Sizing(double units, double notionalUsd, double leverage) {
    }

    /** How the entry is judged reached: touch or close-through, with the entry buffer in basis points. */
    public record Trigger(TriggerRule rule, double entryBufferBps) {
    }

    /**
     * Where the setup is in its life: created at a candle close and valid for {@code validBars} bars, until
     * {@code expiresAt}; its status; and once triggered, when that was processed, the fill price (NaN until
     * then) and the open of the bar it triggered on.
     */
    public record Lifecycle(Instant createdAt, Instant expiresAt, int validBars, SetupStatus status,
                            Optional<Instant> triggeredAt, double triggerPrice, Optional<Instant> triggerTs) {

        /** A new setup's: pending, not triggered. */
        public static Lifecycle pending(Instant createdAt, Instant expiresAt, int validBars) {
            return new Lifecycle(createdAt, expiresAt, validBars, SetupStatus.PENDING, Optional.empty(), Double.NaN,
                    Optional.empty());
        }

        public Lifecycle withStatus(SetupStatus newStatus) {
            return new Lifecycle(createdAt, expiresAt, validBars, newStatus, triggeredAt, triggerPrice, triggerTs);
        }
    }

    /** This setup, triggered on the bar opening at {@code barOpen}, filled at its entry (a limit order). */
    public Setup triggered(Instant processedAt, Instant barOpen) {
        return with(new Lifecycle(lifecycle.createdAt(), lifecycle.expiresAt(), lifecycle.validBars(),
                SetupStatus.TRIGGERED, Optional.of(processedAt), levels.entry(), Optional.of(barOpen)));
    }

    public Setup withStatus(SetupStatus newStatus) {
        return with(lifecycle.withStatus(newStatus));
    }

    private Setup with(Lifecycle next) {
        return new Setup(id, uniqueId, timeframe, direction, confidence, origin, levels, sizing, trigger, next);
    }
}
