package alpha12.core.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real Binance responses in src/test/resources/binance/api-samples (see SOURCES.md there). */
final class BinanceSamples {

    static final String KLINES_5M = "spot-api-v3-klines-BTCUSDT-5m-limit1000.json";
    static final String INVALID_SYMBOL = "error-http400-code-1121-invalid-symbol.json";
    static final String TOO_MUCH_WEIGHT = "error-http429-code-1003-too-much-weight.json";
    static final String IP_BANNED = "error-http418-code-1003-ip-banned.json";

    /** Open time of the first candle of {@link #KLINES_5M}: 2024-09-01T07:55:00Z. */
    static final long KLINES_5M_FIRST_OPEN = 1_725_177_300_000L;

    private BinanceSamples() {
    }

    static String text(String name) {
        try (InputStream in = BinanceSamples.class.getResourceAsStream("/binance/api-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource binance/api-samples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
