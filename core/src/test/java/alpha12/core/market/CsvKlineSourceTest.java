package alpha12.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvKlineSourceTest {

    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/market/csv/" + resource)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    private List<Kline> all(CsvKlineSource source) {
        return source.closedKlines("BTCUSDT", Interval.M5, Instant.EPOCH, FAR_FUTURE);
    }

    @Test
    void readsMillisecondRowsWithAHeaderAndAllTwelveColumns() throws IOException {
        copy("BTCUSDT-5m-millis-header.csv", "BTCUSDT-5m.csv");
        List<Kline> klines = all(new CsvKlineSource(dir));
        assertThat(klines).hasSize(24);
        assertThat(klines.get(0)).isEqualTo(new Kline(1768017000000L, 90610.0, 90630.43, 90609.99, 90630.43, 7.06322,
                1768017299999L, 640016.2712261, 2175, 4.45238, 403438.4204427, 0.0));
    }

    @Test
    void readsMicrosecondRowsWithoutAHeaderAsTheSameBars() throws IOException {
        copy("BTCUSDT-5m-micros.csv", "BTCUSDT-5m.csv");
        Path millis = Files.createDirectory(dir.resolve("millis"));
        try (InputStream in = getClass().getResourceAsStream("/market/csv/BTCUSDT-5m-millis-header.csv")) {
            Files.copy(in, millis.resolve("BTCUSDT-5m.csv"));
        }
        assertThat(all(new CsvKlineSource(dir))).isEqualTo(all(new CsvKlineSource(millis))).hasSize(24);
    }

    @Test
    void acceptsRowsWithOnlyOhlcvFilled() throws IOException {
        copy("BTCUSDT-5m-ohlcv-header.csv", "BTCUSDT-5m.csv");
        List<Kline> klines = all(new CsvKlineSource(dir));
        assertThat(klines).hasSize(24);
        assertThat(klines.get(0)).isEqualTo(Kline.ohlcv(Interval.M5, 1704067200000L, 42283.58, 42397.23, 42261.02,
                42397.23, 155.25731));
    }

    @Test
    void acceptsRowsWithOnlyTheSixOhlcvColumns() throws IOException {
        Files.writeString(dir.resolve("BTCUSDT-5m.csv"),
                "1704067200000,42283.58,42397.23,42261.02,42397.23,155.25731\n"
                + "1704067500000,42397.22,42432.74,42385.26,42409.96,141.31102\n");
        assertThat(all(new CsvKlineSource(dir))).extracting(Kline::close).containsExactly(42397.23, 42409.96);
    }

    @Test
    void servesOnlyBarsFromFromThatHadClosedAtNow() throws IOException {
        copy("BTCUSDT-5m-millis-header.csv", "BTCUSDT-5m.csv");
        long first = 1768017000000L;
        List<Kline> klines = new CsvKlineSource(dir).closedKlines("BTCUSDT", Interval.M5,
                Instant.ofEpochMilli(first + 2 * 300_000 - 1), Instant.ofEpochMilli(first + 6 * 300_000 + 299_999));
        assertThat(klines).extracting(Kline::openTime).containsExactly(first + 2 * 300_000, first + 3 * 300_000,
                first + 4 * 300_000, first + 5 * 300_000);
    }

    @Test
    void dataEndIsTheCloseOfTheLastBarAmongItsFiles() throws IOException {
        copy("BTCUSDT-5m-millis-header.csv", "BTCUSDT-5m.csv");
        copy("BTCUSDT-5m-ohlcv-header.csv", "ETHUSDT-5m.csv");
        Files.writeString(dir.resolve("notes.txt"), "not klines");
        assertThat(new CsvKlineSource(dir).dataEnd()).contains(Instant.ofEpochMilli(1768017000000L + 24 * 300_000L));
    }

    @Test
    void aMissingFileIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> all(new CsvKlineSource(dir)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining(dir.resolve("BTCUSDT-5m.csv").toString())
                .hasMessageContaining("<SYMBOL>-<interval>.csv");
    }

    @Test
    void aBadRowIsAnErrorNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("BTCUSDT-5m.csv"),
                "1704067200000,42283.58,42397.23,42261.02,42397.23,155.25731\n"
                + "1704067500000,42397.22,n/a,42385.26,42409.96,141.31102\n");
        assertThatThrownBy(() -> all(new CsvKlineSource(dir)))
                .hasMessageContaining("BTCUSDT-5m.csv line 2: high is not a number: 'n/a'");
    }

    @Test
    void anInvalidBarFailsValidationNamingIt() throws IOException {
        Files.writeString(dir.resolve("BTCUSDT-5m.csv"),
                "1704067500000,42397.22,42432.74,42385.26,42409.96,141.31102\n"
                + "1704067200000,42283.58,42397.23,42261.02,42397.23,155.25731\n");
        assertThatThrownBy(() -> all(new CsvKlineSource(dir)))
                .hasMessageContaining("BTCUSDT 5m bar 2024-01-01T00:00:00Z (#2 of 2)")
                .hasMessageContaining("not ascending");
    }

    @Test
    void keepsAParsedFileUntilItsModificationTimeOrSizeChanges() throws IOException {
        Path file = dir.resolve("BTCUSDT-5m.csv");
        Files.writeString(file, "1704067200000,42283.58,42397.23,42261.02,42397.23,155.25731\n");
        FileTime written = Files.getLastModifiedTime(file);
        CsvKlineSource source = new CsvKlineSource(dir);
        assertThat(all(source)).extracting(Kline::close).containsExactly(42397.23);

        // same size, same modification time: served from what was parsed
        Files.writeString(file, "1704067200000,42283.58,42397.23,42261.02,42397.20,155.25731\n");
        Files.setLastModifiedTime(file, written);
        assertThat(all(source)).extracting(Kline::close).containsExactly(42397.23);

        Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(5)));
        assertThat(all(source)).extracting(Kline::close).containsExactly(42397.20);
    }
}
