package alpha12.core.monitor;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.TradeRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Live results of one asset and timeframe over the monitor's window: trades are target, stop and timeout
 * exits (expired and cancelled setups are not trades). Win rate is the share of targets; profit factor
 * Σ positive / |Σ negative| net pnl (infinite with no losses); Sharpe and drawdown of per-trade returns.
 */
public record PerformanceMetrics(
        String asset,
        Interval interval,
        int periodDays,
        int totalTrades,
        double winRate,
        double profitFactor,
        double avgPnlPct,
        double sharpeRatio,
        double maxDrawdown,
        Instant calculatedAt) {

    /** Metrics of the trades of {@code timeframe} that exited in (now − days, now]. */
    public static PerformanceMetrics of(Timeframe timeframe, List<TradeRecord> history, int days, Instant now) {
        String asset = timeframe.asset();
        Interval interval = timeframe.interval();
        Instant since = now.minus(java.time.Duration.ofDays(days));
        List<TradeRecord> trades = history.stream()
                .filter(t -> t.asset().equals(asset) && t.interval() == interval && t.outcome().isTrade())
                .filter(t -> t.exitTs().isAfter(since) && !t.exitTs().isAfter(now))
                .sorted(Comparator.comparing(TradeRecord::exitTs))
                .toList();
        int n = trades.size();
        if (n == 0) {
            return new PerformanceMetrics(asset, interval, days, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, now);
        }
        double[] r = new double[n];
        int wins = 0;
        double gains = 0;
        double losses = 0;
        for (int i = 0; i < n; i++) {
            TradeRecord t = trades.get(i);
            r[i] = t.pnlPctNet() / 100.0;
            wins += t.outcome() == Outcome.TARGET ? 1 : 0;
            if (t.pnlPctNet() > 0) {
                gains += t.pnlPctNet();
            } else {
                losses -= t.pnlPctNet();
            }
        }
        double profitFactor = losses > 0 ? gains / losses : Double.POSITIVE_INFINITY;
        return new PerformanceMetrics(asset, interval, days, n, wins / (double) n, profitFactor,
                mean(r) * 100.0, sharpe(r), maxDrawdown(r), now);
    }

    public Timeframe timeframe() {
        return new Timeframe(asset, interval);
    }

    private static double mean(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v;
        }
        return s / r.length;
    }

    /** Mean over sample standard deviation of per-trade returns; 0 when undefined. */
    static double sharpe(double[] r) {
        if (r.length < 2) {
            return 0.0;
        }
        double m = mean(r);
        double ss = 0;
        for (double v : r) {
            ss += (v - m) * (v - m);
        }
        double sd = Math.sqrt(ss / (r.length - 1));
        return sd > 0 ? m / sd : 0.0;
    }

    /** Deepest fall of the compounded equity curve from its running peak, as a negative fraction. */
    static double maxDrawdown(double[] r) {
        double equity = 1.0;
        double peak = 1.0;
        double worst = 0.0;
        for (double v : r) {
            equity *= 1.0 + v;
            peak = Math.max(peak, equity);
            worst = Math.min(worst, (equity - peak) / peak);
        }
        return worst;
    }
}
