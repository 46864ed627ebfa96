package alpha12.core.config;

import static alpha12.core.config.ConfigKeys.*;
import static alpha12.core.config.ValueParsers.decimal;
import static alpha12.core.config.ValueParsers.wholeNumber;

import alpha12.core.config.ValueParsers.Invalid;
import alpha12.core.config.ValueParsers.Parser;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Interval;
import alpha12.core.market.SourceSpec;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.TrainingSettings;
import alpha12.core.monitor.MonitorSettings;
import alpha12.core.monitor.PerformanceThresholds;
import alpha12.core.trading.GateSettings;
import alpha12.core.trading.SetupSettings;
import alpha12.core.trading.TriggerRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@link Config} from defaults, an optional {@code .env} file, the process environment and the
 * command line, in that order of precedence (a blank value counts as unset). Every key is parsed eagerly;
 * every bad value becomes one line of the {@link ConfigException} thrown at the end, so a user sees all
 * mistakes at once, before any work is done.
 */
public final class ConfigLoader {

    /** The configuration and any warnings (unknown {@code ALPHA12_*} keys, ignored keys) to log. */
    public record Loaded(Config config, List<String> warnings) {
    }

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader() {
    }

    /** @throws ConfigException with one line per bad value */
    public static Loaded load(Map<String, String> processEnv, Optional<Path> envFile, CliOverrides cli) {
        ConfigLoader loader = new ConfigLoader();
        envFile.ifPresent(file -> loader.merge(EnvFile.read(file), file.toString()));
        loader.merge(processEnv, "environment");
        Config config = loader.build(cli);
        if (!loader.problems.isEmpty()) {
            throw new ConfigException(loader.problems);
        }
        return new Loaded(config, List.copyOf(loader.warnings));
    }

    private void merge(Map<String, String> source, String origin) {
        new TreeMap<>(source).forEach((key, value) -> {
            if (isKnown(key)) {
                if (!value.isBlank()) {
                    values.put(key, value.strip());
                    origins.put(key, origin);
                }
            } else if (key.startsWith("ALPHA12_")) {
                warnings.add("unknown key " + key + " in " + origin + " is ignored; did you mean " + closest(key)
                        + "?");
            }
        });
    }

    /** The key's value from the highest layer that sets it, else its default; a bad value is recorded. */
    private <T> T value(String key, Parser<T> parser) {
        String text = values.get(key);
        if (text != null) {
            try {
                return parser.parse(text);
            } catch (Invalid e) {
                problems.add(key + "=" + text + " is not valid (from " + origins.get(key) + "); accepted: "
                        + e.getMessage());
            }
        }
        return parseDefault(key, parser);
    }

    /** A key without a default: empty when unset (or bad, which is recorded). */
    private <T> Optional<T> optionalValue(String key, Parser<T> parser) {
        return values.containsKey(key) ? Optional.ofNullable(value(key, parser)) : Optional.empty();
    }

    /** A command-line option beats every key. */
    private <T> T option(String option, Optional<String> cliText, String key, Parser<T> parser) {
        if (cliText.isPresent()) {
            try {
                return parser.parse(cliText.get().strip());
            } catch (Invalid e) {
                problems.add(option + "=" + cliText.get() + " is not valid; accepted: " + e.getMessage());
                return parseDefault(key, parser);
            }
        }
        return value(key, parser);
    }

    /** Defaults are valid by construction (a test loads them); a key without one yields null here. */
    private static <T> T parseDefault(String key, Parser<T> parser) {
        Optional<String> text = ConfigKeys.find(key).flatMap(KeySpec::defaultIfAny);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.parse(text.get());
        } catch (Invalid e) {
            throw new IllegalStateException("the default of " + key + " is not valid: " + text.get(), e);
        }
    }

    private Config build(CliOverrides cli) {
        List<String> symbols = option("--symbols", cli.symbols().map(s -> String.join(",", s)), SYMBOL,
                ValueParsers.symbols());
        SourceSpec source = option("--source", cli.source(), SOURCE, ValueParsers.source());
        Path runsDir = option("--runs-dir", cli.runsDir().map(Path::toString), RUNS_DIR, ValueParsers.folder());
        URI baseUrl = value(BINANCE_BASE_URL, ValueParsers.httpUrl());
        Duration timeout = Duration.ofSeconds(value(HTTP_TIMEOUT_SECONDS, wholeNumber(1, 600, "seconds")));
        Optional<Path> logDir = optionalValue(LOG_DIR, ValueParsers.folder());

        AnalysisSettings analysis = new AnalysisSettings(
                trainingIntervals(),
                Duration.ofSeconds(value(ANALYSIS_SLEEP, wholeNumber(1, 86_400, "seconds"))),
                value(ANALYSIS_DAYS, wholeNumber(1, 3650, "days")),
                value(PERF_MONITOR_FREQ, wholeNumber(1, 100_000, "cycles")),
                value(MODEL_MAX_AGE_HOURS, ValueParsers.maxAges(AnalysisSettings.DEFAULT_MAX_AGE)));
        LabelSettings label = new LabelSettings(
                value(LABEL_HORIZON_BARS, wholeNumber(1, 500, "bars")),
                value(LABEL_ATR_MULT, decimal(0.01, 100, true, "an ATR multiple")));
        ForestSettings forest = new ForestSettings(
                value(RF_TREES, wholeNumber(1, 5000, "trees")),
                value(RF_SEED, ValueParsers.anyWholeNumber()),
                value(RF_MAX_DEPTH, wholeNumber(2, 64, "levels")),
                value(RF_MAX_NODES, wholeNumber(2, 1_000_000, "leaves")),
                value(RF_NODE_SIZE, wholeNumber(1, 100_000, "rows")));
        CalibrationMethod calibration = value(CALIBRATION,
                ValueParsers.oneOf(CalibrationMethod::fromCode, "platt, isotonic or none"));
        TrainingSettings training = new TrainingSettings(forest, calibration,
                value(CV_FOLDS, wholeNumber(2, 20, "folds")));
        MonitorSettings monitor = new MonitorSettings(value(PERF_WINDOW_DAYS, wholeNumber(1, 3650, "days")),
                thresholds());

        return new Config(symbols, source, runsDir, baseUrl, timeout, logDir, cli.now(), analysis, label, training,
                monitor, autosignal(), tracker());
    }

    /** The plural key; the seed's singular key only when the plural is not set anywhere. */
    private List<Interval> trainingIntervals() {
        Parser<List<Interval>> parser = ValueParsers.intervals(Interval.TIMEFRAMES, "");
        if (!values.containsKey(TRAINING_INTERVALS) && values.containsKey(TRAINING_INTERVAL)) {
            return value(TRAINING_INTERVAL, parser);
        }
        if (values.containsKey(TRAINING_INTERVAL)) {
            warnings.add(TRAINING_INTERVAL + "=" + values.get(TRAINING_INTERVAL) + " (from "
                    + origins.get(TRAINING_INTERVAL) + ") is ignored because " + TRAINING_INTERVALS + " is set");
        }
        return value(TRAINING_INTERVALS, parser);
    }

    private AutosignalSettings autosignal() {
        List<Interval> intervals = value(AUTOSIGNAL_INTERVALS, ValueParsers.intervals(AUTOSIGNAL_ALLOWED,
                ": autosignal trades only 1h and longer candles, because shorter bars are mostly noise"));
        Parser<Double> confidence = decimal(0.5, 1.0, true, "a confidence");
        double arm = value(MIN_CONF_ARM, confidence);
        Map<Interval, Double> perInterval = new EnumMap<>(Interval.class);
        for (Interval i : AUTOSIGNAL_ALLOWED) {
            optionalValue(minConfKey(i), confidence).ifPresent(v -> perInterval.put(i, v));
        }
        GateSettings gates = new GateSettings(arm, Map.copyOf(perInterval), value(GATE_REGIME, ValueParsers.flag()),
                value(MAX_SETUPS_PER_DAY, wholeNumber(0, 1000, "setups (0 = no cap)")));
        SetupSettings setup = new SetupSettings(
                value(K_ENTRY_ATR, decimal(0, 20, true, "an ATR multiple")),
                value(K_STOP_ATR, decimal(0, 50, false, "an ATR multiple")),
                value(STOP_MIN_FRAC, decimal(0, 0.5, true, "a fraction of the entry")),
                value(MIN_RR, decimal(0, 100, false, "a reward/risk ratio")),
                value(VALID_BARS, wholeNumber(1, 10_000, "bars")),
                value(TRIGGER_RULE, ValueParsers.oneOf(TriggerRule::fromCode, "touch or close-through")),
                value(ENTRY_BUFFER_BPS, decimal(0, 10_000, true, "basis points")),
                value(ACCOUNT_BALANCE_USD, decimal(0, 1e12, false, "a balance in USD")),
                value(RISK_PER_TRADE_PCT, decimal(0, 100, false, "a percentage of the balance")),
                value(MAX_LEVERAGE, decimal(0, 1000, false, "a leverage")));
        return new AutosignalSettings(intervals, gates, setup);
    }

    private TrackerSettings tracker() {
        int sleep = value(TRACKER_SLEEP, wholeNumber((int) TrackerSettings.MIN_SLEEP.toSeconds(), 86_400,
                "seconds (the tracker polls no faster than every 3 s)"));
        return new TrackerSettings(Duration.ofSeconds(sleep),
                value(FEES_BPS_PER_SIDE, decimal(0, 1000, true, "basis points")));
    }

    private Map<Interval, PerformanceThresholds> thresholds() {
        Map<Interval, PerformanceThresholds> map = new EnumMap<>(Interval.class);
        for (Interval i : Interval.TIMEFRAMES) {
            map.put(i, new PerformanceThresholds(
                    value(perfKey("WIN_RATE", i), decimal(0, 1, true, "a win rate")),
                    value(perfKey("PROFIT_FACTOR", i), decimal(0, 1000, true, "a profit factor")),
                    value(perfKey("MIN_TRADES", i), wholeNumber(1, 1_000_000, "trades")),
                    Duration.ofHours(value(perfKey("COOLDOWN_HOURS", i), wholeNumber(0, 100_000, "hours")))));
        }
        return Map.copyOf(map);
    }
}
