package alpha12.core.market;

/**
 * One Binance candle with all 12 fields of {@code /api/v3/klines}, times in epoch milliseconds UTC.
 * Offline files that carry only OHLCV leave the other fields at their "unknown" values:
 * {@code closeTime = openTime + interval - 1}, NaN for the quote/taker volumes, -1 trades.
 */
public record Kline(
        long openTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        long closeTime,
        double quoteVolume,
        long trades,
        double takerBuyBase,
        double takerBuyQuote,
        double ignore) {

    /** A candle known only by its OHLCV values (public-data files without the extra columns). */
    public static Kline ohlcv(Interval interval, long openTime, double open, double high, double low, double close,
                              double volume) {
        return new Kline(openTime, open, high, low, close, volume, openTime + interval.millis() - 1,
                Double.NaN, -1, Double.NaN, Double.NaN, 0.0);
    }

    /** True when the bar had fully closed at {@code nowMs}: its full interval has elapsed. */
    public boolean isClosedAt(Interval interval, long nowMs) {
        return openTime + interval.millis() <= nowMs;
    }
}
