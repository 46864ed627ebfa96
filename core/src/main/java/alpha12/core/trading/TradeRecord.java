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
            if (setup.lifecycle().triggerTs().isEmpty()) {
                throw new IllegalArgumentException("setup " + setup.id() + " ended with " + exit.outcome()
                        + " but never triggered: only triggered setups have trades");
            }
            double move = setup.direction().sign() * (exit.price() - setup.levels().entry());
            pnlPct = move / setup.levels().entry() * 100.0;
            pnlPctNet = pnlPct - 2 * feesBpsPerSide / 100.0;
            pnlR = move / setup.levels().riskPerUnit();
        }
        Setup.Levels levels = setup.levels();
        Setup.Sizing sizing = setup.sizing();
        Setup.Lifecycle life = setup.lifecycle();
        return new TradeRecord(setup.id(), setup.timeframe().asset(), setup.timeframe().interval(), setup.direction(),
                life.createdAt(), life.triggerTs(), levels.entry(), levels.stop(), levels.target(), exit.at(),
                exit.price(), exit.outcome(), pnlPct, pnlPctNet, levels.rr(), setup.confidence(), sizing.units(),
                sizing.notionalUsd(), sizing.leverage(), feesBpsPerSide, life.triggerPrice(), setup.trigger().rule(),
                setup.trigger().entryBufferBps(), pnlR, setup.origin());
    }
}
