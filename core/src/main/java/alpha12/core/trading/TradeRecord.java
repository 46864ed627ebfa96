package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code runs/trade_history.csv}: how a setup ended. Prices that do not apply (the exit
 * price of a cancelled setup) are NaN and written as empty cells. {@code pnlPct} is the price move from
 * entry to exit in percent, signed by direction; {@code pnlPctNet} subtracts the fees of both sides;
 * {@code pnlR} is the gross move in units of the planned risk (entry to stop), so a stop is exactly -1
 * and a target exactly {@code rrPlanned}.
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

    /**
     * The trade-history row of {@code setup} ended by {@code exit}, with fees of {@code feesBpsPerSide} basis
     * points charged on entry and on exit. Expired and cancelled setups were never a trade: zero pnl, no fees.
     */
    public static TradeRecord of(Setup setup, Exit exit, double feesBpsPerSide) {
        if (!(feesBpsPerSide >= 0) || Double.isInfinite(feesBpsPerSide)) {
            throw new IllegalArgumentException("FEES_BPS_PER_SIDE must be zero or positive, got " + feesBpsPerSide);
        }
        double pnlPct = 0;
        double pnlPctNet = 0;
        double pnlR = 0;
        if (exit.outcome().isTrade()) {
            if (setup.triggerTs().isEmpty()) {
                throw new IllegalArgumentException("setup " + setup.id() + " ended with " + exit.outcome()
                        + " but never triggered: only triggered setups have trades");
            }
            double move = setup.direction().sign() * (exit.price() - setup.entry());
            pnlPct = move / setup.entry() * 100.0;
            pnlPctNet = pnlPct - 2 * feesBpsPerSide / 100.0;
            pnlR = move / setup.riskPerUnit();
        }
        return new TradeRecord(setup.id(), setup.asset(), setup.interval(), setup.direction(), setup.createdAt(),
                setup.triggerTs(), setup.entry(), setup.stop(), setup.target(), exit.at(), exit.price(),
                exit.outcome(), pnlPct, pnlPctNet, setup.rr(), setup.confidence(), setup.sizeUnits(),
                setup.notionalUsd(), setup.leverage(), feesBpsPerSide, setup.triggerPrice(), setup.triggerRule(),
                setup.entryBufferBps(), pnlR, setup.origin());
    }
}
