package alpha12.core.features;

import static alpha12.core.features.Columns.HTF_RSI_14;
import static alpha12.core.features.Columns.HTF_TREND;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;

/**
 * {@code htf_trend} = EMA(12)/EMA(26) - 1 and {@code htf_rsi_14} = RSI(14) of the closes of the next higher
 * timeframe ({@link Interval#higherTimeframe()}), aggregated from the base bars. Bar t sees only the
 * higher-timeframe bars that had closed by t's own close: a bin's close is the close of its last base bar,
 * and it enters the averages when a base bar closes at or after the bin's end (its last slot, or the first
 * bar after a gap). The forming bin never leaks in. A partial first bin is kept: its close is still the
 * true close of that higher-timeframe bar. Bins without any base bar (long outages) are skipped, as
 * Binance has no candle there either. EMA and RSI use TA-Lib's seeding (mean of the first values).
 */
final class HigherTimeframeFeatures {

    private HigherTimeframeFeatures() {
    }

    static void compute(KlineSeries s, double[][] out) {
        Interval base = s.interval();
        Interval higher = base.higherTimeframe();
        long[] openTime = s.openTime();
        double[] close = s.close();
        double[] trend = out[HTF_TREND];
        double[] rsiOut = out[HTF_RSI_14];
        Ema fast = new Ema(12);
        Ema slow = new Ema(26);
        WilderRsi rsi = new WilderRsi(14);
        double trendValue = Double.NaN;
        long binEnd = Long.MIN_VALUE;
        boolean open = false;
        for (int t = 0; t < close.length; t++) {
            long barOpen = openTime[t];
            if (barOpen >= binEnd) {
                if (open) {
                    trendValue = push(close[t - 1], fast, slow, rsi);
                }
                binEnd = higher.closeOf(higher.openOf(barOpen));
                open = true;
            }
            if (barOpen + base.millis() >= binEnd) {
                trendValue = push(close[t], fast, slow, rsi);
                open = false;
            }
            trend[t] = trendValue;
            rsiOut[t] = rsi.value();
        }
    }

    private static double push(double binClose, Ema fast, Ema slow, WilderRsi rsi) {
        rsi.update(binClose);
        double f = fast.update(binClose);
        double sl = slow.update(binClose);
        return f / sl - 1.0;
    }
}
