package alpha12.backgroundanalysis;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.config.ConfigException;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --symbol} and {@code --interval} of the one-timeframe commands, and that timeframe's history. */
final class TimeframeOptions {

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "The symbol (default: the first of "
            + "ALPHA12_SYMBOL).")
    String symbol;

    @Option(names = "--interval", required = true, paramLabel = "INTERVAL", description = "5m, 15m, 1h, 4h or 1d.")
    String interval;

    Timeframe timeframe(Alpha12Runtime runtime) {
        return new Timeframe(symbol(runtime), interval());
    }

    String symbol(Alpha12Runtime runtime) {
        return symbol == null ? runtime.config().symbols().get(0) : symbol.toUpperCase(Locale.ROOT);
    }

    Interval interval() {
        return Interval.fromCode(interval).filter(Interval.TIMEFRAMES::contains).orElseThrow(() ->
                new ConfigException("--interval=" + interval + " is not valid; accepted: 5m, 15m, 1h, 4h or 1d"));
    }

    /** The closed klines the background analysis would use for this timeframe now. */
    KlineSeries history(Alpha12Runtime runtime) {
        return BackgroundAnalysisDaemon.analyzer(runtime).history(timeframe(runtime));
    }
}
