package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.Optional;

/**
 * A trade setup: a limit entry with stop and target, valid until {@code expiresAt}. One row of
 * {@code runs/setups.csv}. {@code triggerPrice} is NaN until the setup triggers.
 */
public record Setup(
        String id,
        String uniqueId,
        String asset,
        Interval interval,
        Direction direction,
        double entry,
        double stop,
        double target,
        double rr,
        double sizeUnits,
        double notionalUsd,
        double leverage,
        Instant createdAt,
        Instant expiresAt,
        SetupStatus status,
        double confidence,
        TriggerRule triggerRule,
        double entryBufferBps,
        Origin origin,
        Optional<Instant> triggeredAt,
        double triggerPrice,
        Optional<Instant> triggerTs,
        int validBars) {

    /** This setup, triggered on the bar opening at {@code barOpen}, filled at its entry (a limit order). */
    public Setup triggered(Instant processedAt, Instant barOpen) {
        return new Setup(id, uniqueId, asset, interval, direction, entry, stop, target, rr, sizeUnits, notionalUsd,
                leverage, createdAt, expiresAt, SetupStatus.TRIGGERED, confidence, triggerRule, entryBufferBps, origin,
                Optional.of(processedAt), entry, Optional.of(barOpen), validBars);
    }

    public Setup withStatus(SetupStatus newStatus) {
        return new Setup(id, uniqueId, asset, interval, direction, entry, stop, target, rr, sizeUnits, notionalUsd,
                leverage, createdAt, expiresAt, newStatus, confidence, triggerRule, entryBufferBps, origin,
                triggeredAt, triggerPrice, triggerTs, validBars);
    }

    /** Distance from entry to stop: the planned risk per unit. */
    public double riskPerUnit() {
        return Math.abs(entry - stop);
    }
}
