package alpha12.core.cli;

import alpha12.core.config.Config;
import alpha12.core.market.BinanceKlineClient;
import alpha12.core.market.CachedKlineSource;
import alpha12.core.market.CsvKlineSource;
import alpha12.core.market.KlineSource;
import alpha12.core.market.SampleKlineSource;
import alpha12.core.store.RunsStore;

/** Opens the kline source a configuration names ({@code --source binance|sample|csv:<dir>}). */
final class KlineSources {

    private KlineSources() {
    }

    /** Binance (behind the kline cache in {@code store}), the bundled sample, or a CSV folder. */
    static KlineSource open(Config config, RunsStore store) {
        return switch (config.source().kind()) {
            case BINANCE -> new CachedKlineSource(
                    new BinanceKlineClient(config.binanceBaseUrl(), config.httpTimeout()), store);
            case SAMPLE -> new SampleKlineSource();
            case CSV -> new CsvKlineSource(config.source().dir().orElseThrow());
        };
    }
}
