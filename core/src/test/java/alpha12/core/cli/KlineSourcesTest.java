package alpha12.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.config.CliOverrides;
import alpha12.core.config.Config;
import alpha12.core.config.ConfigLoader;
import alpha12.core.market.BinanceStub;
import alpha12.core.market.CachedKlineSource;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSource;
import alpha12.core.market.SampleKlineSource;
import alpha12.core.store.RunsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlineSourcesTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private static Config config(Map<String, String> env) {
        return ConfigLoader.load(env, Optional.empty(), CliOverrides.NONE).config();
    }

    private RunsStore store() {
        return new RunsStore(dir.resolve("runs"), Clock.systemUTC());
    }

    @Test
    void sampleOpensTheBundledSample() {
        KlineSource source = KlineSources.open(config(Map.of("ALPHA12_SOURCE", "sample")), store());
        assertThat(source).isInstanceOf(SampleKlineSource.class);
        assertThat(source.dataEnd()).contains(Instant.parse("2024-04-01T00:00:00Z"));
    }

    @Test
    void csvOpensTheFolder() throws Exception {
        Files.writeString(dir.resolve("BTCUSDT-1h.csv"), "1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108\n");
        KlineSource source = KlineSources.open(config(Map.of("ALPHA12_SOURCE", "csv:" + dir)), store());
        assertThat(source.name()).isEqualTo("csv:" + dir);
        assertThat(source.closedKlines("BTCUSDT", Interval.H1, Instant.EPOCH, Instant.parse("2024-01-02T00:00:00Z")))
                .hasSize(1);
    }

    @Test
    void binanceOpensTheCachedClientOnTheConfiguredBaseUrl() {
        BinanceStub stub = new BinanceStub();
        server.setDispatcher(stub);
        String base = server.url("/").toString();
        KlineSource source = KlineSources.open(config(Map.of("ALPHA12_SOURCE", "binance",
                "ALPHA12_BINANCE_BASE_URL", base, "ALPHA12_HTTP_TIMEOUT_SECONDS", "5")), store());
        Instant now = Instant.parse("2024-09-01T12:00:00Z");

        assertThat(source).isInstanceOf(CachedKlineSource.class);
        assertThat(source.name()).contains(base);
        assertThat(source.dataEnd()).isEmpty();
        assertThat(source.closedKlines("BTCUSDT", Interval.H4, now.minus(Duration.ofDays(2)), now)).hasSize(12);
        assertThat(dir.resolve("runs/cache/klines/BTCUSDT-4h.csv")).exists();
    }
}
