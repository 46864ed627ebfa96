package alpha12.core.market;

import java.util.Objects;

/**
 * One asset on one interval, such as BTCUSDT 1h: what a model is trained for, an analysis covers, a setup
 * trades and the performance monitor judges.
 */
public record Timeframe(String asset, Interval interval) {

    public Timeframe {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(interval, "interval");
    }

    /** {@code BTCUSDT_1h}: its model's name under timeframe_models/ and its key in the runs/ JSON files. */
    public String key() {
        return asset + "_" + interval.code();
    }

    /** {@code BTCUSDT 1h}, as the logs name it. */
    @Override
    public String toString() {
        return asset + " " + interval.code();
    }
}
