package alpha12.core.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where closed candles come from: Binance, the bundled sample, or a folder of CSV files.
 * Only closed candles ever leave a source: a bar is returned only when its full interval
 * had elapsed at {@code now}, so a simulated clock hides every later bar.
 */
public interface KlineSource {

    /**
     * Closed candles of {@code symbol} at {@code interval} that open at or after {@code from}
     * and had closed by {@code now}, oldest first, validated (ascending, unique, aligned, sane OHLC).
     *
     * @throws MarketDataException when the data cannot be had or fails validation
     */
    List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now);

    /** A short name for logs, e.g. {@code binance}, {@code sample}, {@code csv:/data}. */
    String name();

    /**
     * Whether this source has candles of {@code symbol} at {@code interval} at all (offline files may lack
     * the 1-minute bars the tracker prefers; it then replays the setups' own interval).
     */
    default boolean has(String symbol, Interval interval) {
        return true;
    }

    /**
     * For offline sources, the close of the last bar in the data: the clock when no {@code --now}
     * is given. Empty for live sources.
     */
    default Optional<Instant> dataEnd() {
        return Optional.empty();
    }
}
