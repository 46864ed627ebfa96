package alpha12.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.market.Interval;
import alpha12.core.market.SourceSpec;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.monitor.PerformanceThresholds;
import alpha12.core.trading.TriggerRule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static ConfigLoader.Loaded load(Map<String, String> env) {
        return ConfigLoader.load(env, Optional.empty(), CliOverrides.NONE);
    }

    private Path envFile(String... lines) throws IOException {
        Path file = dir.resolve(".env");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void defaultsAreTheOriginalSystemsValues() {
        Config c = Config.defaults();

        assertThat(c.symbols()).containsExactly("BTCUSDT");
        assertThat(c.source()).isEqualTo(SourceSpec.binance());
        assertThat(c.runsDir()).isEqualTo(Path.of("runs"));
        assertThat(c.binanceBaseUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(c.logDir()).isEmpty();
        assertThat(c.now()).isEmpty();
        assertThat(c.analysis().intervals()).containsExactly(Interval.M5, Interval.M15, Interval.H1, Interval.H4,
                Interval.D1);
        assertThat(c.analysis().sleep()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.analysis().days()).isEqualTo(120);
        assertThat(c.analysis().perfMonitorFreq()).isEqualTo(12);
        assertThat(c.analysis().maxAge(Interval.H4)).isEqualTo(Duration.ofHours(72));
        assertThat(c.training().calibration()).isEqualTo(CalibrationMethod.PLATT);
        assertThat(c.monitor().thresholds()).isEqualTo(PerformanceThresholds.DEFAULTS);
        assertThat(c.autosignal().intervals()).containsExactly(Interval.H4);
        assertThat(c.autosignal().gates().minConfidence(Interval.H1)).isEqualTo(0.60);
        assertThat(c.autosignal().setup().triggerRule()).isEqualTo(TriggerRule.TOUCH);
        assertThat(c.tracker().sleep()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void everyKeysDefaultIsAcceptedByItsOwnParser() {
        for (KeySpec key : ConfigKeys.all()) {
            key.defaultIfAny().ifPresent(value -> assertThat(load(Map.of(key.name(), value)).warnings())
                    .as(key.name()).isEmpty());
        }
    }

    @Test
    void precedenceIsDefaultsThenEnvFileThenEnvironmentThenCommandLine() throws IOException {
        Path env = envFile("ALPHA12_ANALYSIS_SLEEP=60", "ALPHA12_ANALYSIS_DAYS=30", "ALPHA12_SYMBOL=ETHUSDT",
                "ALPHA12_RUNS_DIR=/env-file/runs");

        Config fromFile = ConfigLoader.load(Map.of(), Optional.of(env), CliOverrides.NONE).config();
        assertThat(fromFile.analysis().sleep()).isEqualTo(Duration.ofSeconds(60));
        assertThat(fromFile.analysis().perfMonitorFreq()).isEqualTo(12);

        Config fromEnv = ConfigLoader.load(Map.of("ALPHA12_ANALYSIS_SLEEP", "90", "ALPHA12_SYMBOL", "SOLUSDT"),
                Optional.of(env), CliOverrides.NONE).config();
        assertThat(fromEnv.analysis().sleep()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromEnv.analysis().days()).isEqualTo(30);
        assertThat(fromEnv.symbols()).containsExactly("SOLUSDT");
        assertThat(fromEnv.runsDir()).isEqualTo(Path.of("/env-file/runs"));

        Instant now = Instant.parse("2024-03-01T12:00:00Z");
        CliOverrides cli = new CliOverrides(Optional.of("sample"), Optional.of(List.of("btcusdt", "ADAUSDT")),
                Optional.of(dir.resolve("cli-runs")), Optional.of(now));
        Config fromCli = ConfigLoader.load(Map.of("ALPHA12_SYMBOL", "SOLUSDT", "ALPHA12_SOURCE", "binance",
                "ALPHA12_RUNS_DIR", "/env/runs"), Optional.of(env), cli).config();
        assertThat(fromCli.symbols()).containsExactly("BTCUSDT", "ADAUSDT");
        assertThat(fromCli.source()).isEqualTo(SourceSpec.sample());
        assertThat(fromCli.runsDir()).isEqualTo(dir.resolve("cli-runs"));
        assertThat(fromCli.now()).contains(now);
    }

    @Test
    void aBlankValueCountsAsUnsetAndDoesNotHideALowerLayer() throws IOException {
        Path env = envFile("ALPHA12_ANALYSIS_SLEEP=60");

        Config c = ConfigLoader.load(Map.of("ALPHA12_ANALYSIS_SLEEP", "  ", "ALPHA12_LOG_DIR", ""), Optional.of(env),
                CliOverrides.NONE).config();

        assertThat(c.analysis().sleep()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.logDir()).isEmpty();
    }

    @Test
    void theSingularTrainingIntervalIsUsedOnlyWhenThePluralIsUnset() throws IOException {
        assertThat(load(Map.of("ALPHA12_TRAINING_INTERVAL", "1h")).config().analysis().intervals())
                .containsExactly(Interval.H1);
        assertThat(load(Map.of("ALPHA12_TRAINING_INTERVAL", "1h,4h")).config().analysis().intervals())
                .containsExactly(Interval.H1, Interval.H4);

        ConfigLoader.Loaded both = ConfigLoader.load(Map.of("ALPHA12_TRAINING_INTERVAL", "1h"),
                Optional.of(envFile("ALPHA12_TRAINING_INTERVALS=15m,1d")), CliOverrides.NONE);
        assertThat(both.config().analysis().intervals()).containsExactly(Interval.M15, Interval.D1);
        assertThat(both.warnings()).containsExactly("ALPHA12_TRAINING_INTERVAL=1h (from environment) is ignored "
                + "because ALPHA12_TRAINING_INTERVALS is set");
    }

    @Test
    void anUnknownAlpha12KeyIsWarnedAboutWithTheClosestKnownKey() {
        ConfigLoader.Loaded loaded = load(Map.of("ALPHA12_ANALYSIS_SLEPE", "60", "ALPHA12_MIN_RR", "2",
                "ALPHA12_TRAINING_INTERVALZ", "1h", "PATH", "/usr/bin", "MIN_RRR", "2"));

        assertThat(loaded.warnings()).containsExactly(
                "unknown key ALPHA12_ANALYSIS_SLEPE in environment is ignored; did you mean ALPHA12_ANALYSIS_SLEEP?",
                "unknown key ALPHA12_MIN_RR in environment is ignored; did you mean MIN_RR?",
                "unknown key ALPHA12_TRAINING_INTERVALZ in environment is ignored; did you mean "
                        + "ALPHA12_TRAINING_INTERVALS?");
        assertThat(loaded.config().analysis().sleep()).isEqualTo(Duration.ofSeconds(300));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("alpha12.core.config.BadConfigValues#cases")
    void aBadValueIsOneLineNamingKeyValueAndWhatIsAccepted(String key, String value, String accepted) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        key + "=" + value + " is not valid (from environment); accepted: " + accepted));
    }

    @Test
    void aBadValueInTheEnvFileNamesTheFile() throws IOException {
        Path env = envFile("ALPHA12_ANALYSIS_SLEEP=abc");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.of(env), CliOverrides.NONE))
                .hasMessage("ALPHA12_ANALYSIS_SLEEP=abc is not valid (from " + env
                        + "); accepted: a whole number of seconds from 1 to 86400");
    }

    @Test
    void everyBadValueIsReportedAtOnceOneLineEach() {
        CliOverrides cli = new CliOverrides(Optional.of("kraken"), Optional.of(List.of("BTC/USDT")), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ALPHA12_ANALYSIS_SLEEP", "abc", "ALPHA12_TRAINING_INTERVALS",
                "7m", "ALPHA12_SLEEP", "1"), Optional.empty(), cli))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "--symbols=BTC/USDT is not valid; accepted: comma-separated Binance spot symbols such as "
                                + "BTCUSDT,ETHUSDT",
                        "--source=kraken is not valid; accepted: binance, sample or csv:<dir>",
                        "ALPHA12_TRAINING_INTERVALS=7m is not valid (from environment); accepted: a comma-separated "
                                + "list of 5m, 15m, 1h, 4h, 1d ('7m' is not one of them)",
                        "ALPHA12_ANALYSIS_SLEEP=abc is not valid (from environment); accepted: a whole number of "
                                + "seconds from 1 to 86400",
                        "ALPHA12_SLEEP=1 is not valid (from environment); accepted: a whole number of seconds (the "
                                + "tracker polls no faster than every 3 s) from 3 to 86400"));
    }

    @Test
    void aRunsDirOrLogDirThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        assertThatThrownBy(() -> load(Map.of("ALPHA12_LOG_DIR", file.toString(), "ALPHA12_RUNS_DIR", file.toString())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "ALPHA12_RUNS_DIR=" + file + " is not valid (from environment); accepted: a folder (this "
                                + "path is a file)",
                        "ALPHA12_LOG_DIR=" + file + " is not valid (from environment); accepted: a folder (this "
                                + "path is a file)"));
    }

    @Test
    void typedValuesAreParsed() {
        Config c = load(Map.ofEntries(
                Map.entry("ALPHA12_SYMBOL", " btcusdt , ETHUSDT,BTCUSDT"),
                Map.entry("ALPHA12_SOURCE", "csv:" + dir),
                Map.entry("ALPHA12_TRAINING_INTERVALS", "1d, 5m,5m"),
                Map.entry("ALPHA12_MODEL_MAX_AGE_HOURS", "1h=2,4h=9"),
                Map.entry("ALPHA12_AUTOSIGNAL_INTERVALS", "1h,1d"),
                Map.entry("MIN_CONF_1D", "0.65"),
                Map.entry("GATE_REGIME", "off"),
                Map.entry("TRIGGER_RULE", "Close-Through"),
                Map.entry("ALPHA12_CALIBRATION", "ISOTONIC"),
                Map.entry("K_ENTRY_ATR", "+.5"),
                Map.entry("ALPHA12_LOG_DIR", dir.resolve("logs").toString()))).config();

        assertThat(c.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(c.source()).isEqualTo(SourceSpec.csv(dir));
        assertThat(c.analysis().intervals()).containsExactly(Interval.D1, Interval.M5);
        assertThat(c.analysis().maxAge(Interval.H1)).isEqualTo(Duration.ofHours(2));
        assertThat(c.analysis().maxAge(Interval.H4)).isEqualTo(Duration.ofHours(9));
        assertThat(c.analysis().maxAge(Interval.D1)).isEqualTo(Duration.ofHours(168));
        assertThat(c.autosignal().intervals()).containsExactly(Interval.H1, Interval.D1);
        assertThat(c.autosignal().gates().minConfidence(Interval.D1)).isEqualTo(0.65);
        assertThat(c.autosignal().gates().minConfidence(Interval.H1)).isEqualTo(0.60);
        assertThat(c.autosignal().gates().regimeGate()).isFalse();
        assertThat(c.autosignal().setup().triggerRule()).isEqualTo(TriggerRule.CLOSE_THROUGH);
        assertThat(c.training().calibration()).isEqualTo(CalibrationMethod.ISOTONIC);
        assertThat(c.autosignal().setup().kEntryAtr()).isEqualTo(0.5);
        assertThat(c.logDir()).contains(dir.resolve("logs"));
    }

    @Test
    void closestKeyIsFoundByEditDistance() {
        assertThat(ConfigKeys.closest("ALPHA12_SYMBOLS")).isEqualTo("ALPHA12_SYMBOL");
        assertThat(ConfigKeys.closest("ALPHA12_BINANCE_URL")).isEqualTo("ALPHA12_BINANCE_BASE_URL");
        assertThat(ConfigKeys.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
