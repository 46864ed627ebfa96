package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code runs/trade_history.csv}: how a setup ended. Prices that do not apply (the exit
 * price of a cancelled setup) are NaN and written as empty cells.
 */
public record TradeRecord(
        String setupId,
        String asset,
        Interval interval,
        Direction direction,
        Instant createdAt,
        Optional<Instant> triggerTs,
        double entry,
        double stop,
        double target,
        Instant exitTs,
        double exitPrice,
        Outcome outcome,
        double pnlPct,
        double pnlPctNet,
        double rrPlanned,
        double confidence,
        double sizeUnits,
        double notionalUsd,
        double leverage,
        double feesBpsPerSide,
        double priceAtTrigger,
        TriggerRule triggerRule,
        double entryBufferBps,
        double pnlR,
        Origin origin) {
}
