package alpha12.core.config;

import static alpha12.core.config.ConfigKeys.*;

import alpha12.core.label.LabelSettings;
import alpha12.core.market.Interval;
import alpha12.core.market.SourceSpec;
import alpha12.core.model.CalibrationMethod;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.TrainingSettings;
import alpha12.core.monitor.MonitorSettings;
import alpha12.core.monitor.PerformanceThresholds;
import alpha12.core.trading.GateSettings;
import alpha12.core.trading.SetupSettings;
import alpha12.core.trading.TriggerRule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Config} from defaults, an optional {@code .env} file, the process environment and the
 * command line, in that order of precedence. Every key is parsed eagerly, so a bad value fails here,
 * before any work is done, with a one-line {@link ConfigException}.
 */
public final class ConfigLoader {

    /** The configuration and any warnings (unknown {@code ALPHA12_*} keys) to log. */
    public record Loaded(Config config, List<String> warnings) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigLoader() {
    }

    public static Loaded load(Map<String, String> processEnv, Optional<Path> envFile, CliOverrides cli) {
        ConfigLoader loader = new ConfigLoader();
        envFile.ifPresent(file -> loader.merge(EnvFile.read(file), file.toString()));
        loader.merge(processEnv, "environment");
        Config config = loader.build(cli);
        return new Loaded(config, List.copyOf(loader.warnings));
    }

    private void merge(Map<String, String> source, String origin) {
        source.forEach((key, value) -> {
            if (isKnown(key)) {
                values.put(key, value);
                origins.put(key, origin);
            } else if (key.startsWith("ALPHA12_")) {
                warnings.add("unknown key " + key + " in " + origin + " is ignored; did you mean " + closest(key) + "?");
            }
        });
    }

    private Optional<String> raw(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return ConfigKeys.find(key).flatMap(KeySpec::defaultIfAny);
        }
        return Optional.of(v.strip());
    }

    private String required(String key) {
        return raw(key).orElseThrow(() -> new IllegalStateException("no default for " + key));
    }

    private ConfigException bad(String key, String value, String accepted) {
        String origin = origins.get(key);
        String where = origin == null ? "" : " (from " + origin + ")";
        return new ConfigException(key + "=" + value + " is not valid" + where + "; accepted: " + accepted);
    }

    private Config build(CliOverrides cli) {
        List<String> symbols = cli.symbols().isPresent()
                ? parseSymbols("--symbols", String.join(",", cli.symbols().get()))
                : parseSymbols(SYMBOL, required(SYMBOL));
        String sourceText = cli.source().orElseGet(() -> required(SOURCE));
        String sourceKey = cli.source().isPresent() ? "--source" : SOURCE;
        SourceSpec source = SourceSpec.parse(sourceText)
                .orElseThrow(() -> bad(sourceKey, sourceText, SourceSpec.ACCEPTED));
        if (source.kind() == SourceSpec.Kind.CSV && !Files.isDirectory(source.dir().orElseThrow())) {
            throw bad(sourceKey, sourceText, "csv:<dir> where <dir> is an existing folder");
        }
        Path runsDir = cli.runsDir().orElseGet(() -> Path.of(required(RUNS_DIR)));
        URI baseUrl = parseUrl(BINANCE_BASE_URL, required(BINANCE_BASE_URL));
        Duration timeout = Duration.ofSeconds(parseInt(HTTP_TIMEOUT_SECONDS, 1, 600, "seconds"));
        Optional<Path> logDir = raw(LOG_DIR).map(Path::of);

        AnalysisSettings analysis = new AnalysisSettings(
                trainingIntervals(),
                Duration.ofSeconds(parseInt(ANALYSIS_SLEEP, 1, 86_400, "seconds")),
                parseInt(ANALYSIS_DAYS, 1, 3650, "days"),
                parseInt(PERF_MONITOR_FREQ, 1, 100_000, "cycles"),
                maxAges());
        LabelSettings label = new LabelSettings(
                parseInt(LABEL_HORIZON_BARS, 1, 500, "bars"),
                parseDouble(LABEL_ATR_MULT, 0.01, 100, false, "an ATR multiple"));
        ForestSettings forest = new ForestSettings(
                parseInt(RF_TREES, 1, 5000, "trees"),
                parseLong(RF_SEED),
                parseInt(RF_MAX_DEPTH, 1, 64, "levels"),
                parseInt(RF_MAX_NODES, 2, 1_000_000, "leaves"),
                parseInt(RF_NODE_SIZE, 1, 100_000, "rows"));
        String calibrationText = required(CALIBRATION);
        CalibrationMethod calibration = CalibrationMethod.fromCode(calibrationText.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> bad(CALIBRATION, calibrationText, "platt, isotonic or none"));
        TrainingSettings training = new TrainingSettings(forest, calibration, parseInt(CV_FOLDS, 2, 20, "folds"));
        MonitorSettings monitor = new MonitorSettings(parseInt(PERF_WINDOW_DAYS, 1, 3650, "days"), thresholds());

        return new Config(symbols, source, runsDir, baseUrl, timeout, logDir, cli.now(), analysis, label, training,
                monitor, autosignal(), tracker());
    }

    private AutosignalSettings autosignal() {
        String text = required(AUTOSIGNAL_INTERVALS);
        List<Interval> intervals = parseIntervals(AUTOSIGNAL_INTERVALS, text);
        for (Interval i : intervals) {
            if (!AUTOSIGNAL_ALLOWED.contains(i)) {
                throw bad(AUTOSIGNAL_INTERVALS, text, "1h, 4h and/or 1d: autosignal trades only 1h and longer "
                        + "candles, because short bars are mostly noise (" + i + " is too short)");
            }
        }
        double arm = parseDouble(MIN_CONF_ARM, 0.5, 1.0, true, "a confidence from 0.5 to 1");
        Map<Interval, Double> perInterval = new EnumMap<>(Interval.class);
        for (Interval i : AUTOSIGNAL_ALLOWED) {
            String key = minConfKey(i);
            if (raw(key).isPresent()) {
                perInterval.put(i, parseDouble(key, 0.5, 1.0, true, "a confidence from 0.5 to 1"));
            }
        }
        GateSettings gates = new GateSettings(arm, Map.copyOf(perInterval), parseBoolean(GATE_REGIME),
                parseInt(MAX_SETUPS_PER_DAY, 0, 1000, "setups (0 = no cap)"));
        String ruleText = required(TRIGGER_RULE);
        TriggerRule rule = TriggerRule.fromCode(ruleText.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> bad(TRIGGER_RULE, ruleText, "touch or close-through"));
        SetupSettings setup = new SetupSettings(
                parseDouble(K_ENTRY_ATR, 0, 20, true, "an ATR multiple from 0 to 20"),
                parseDouble(K_STOP_ATR, 0, 50, false, "an ATR multiple above 0"),
                parseDouble(STOP_MIN_FRAC, 0, 0.5, true, "a fraction from 0 to 0.5"),
                parseDouble(MIN_RR, 0, 100, false, "a reward/risk ratio above 0"),
                parseInt(VALID_BARS, 1, 10_000, "bars"),
                rule,
                parseDouble(ENTRY_BUFFER_BPS, 0, 10_000, true, "basis points from 0"),
                parseDouble(ACCOUNT_BALANCE_USD, 0, 1e12, false, "a balance in USD above 0"),
                parseDouble(RISK_PER_TRADE_PCT, 0, 100, false, "a percentage above 0 and at most 100"),
                parseDouble(MAX_LEVERAGE, 0, 1000, false, "a leverage above 0"));
        return new AutosignalSettings(intervals, gates, setup);
    }

    private TrackerSettings tracker() {
        int sleep = parseInt(TRACKER_SLEEP, (int) TrackerSettings.MIN_SLEEP.toSeconds(), 86_400,
                "seconds (the tracker polls no faster than every 3 s)");
        return new TrackerSettings(Duration.ofSeconds(sleep),
                parseDouble(FEES_BPS_PER_SIDE, 0, 1000, true, "basis points from 0"));
    }

    private Map<Interval, PerformanceThresholds> thresholds() {
        Map<Interval, PerformanceThresholds> map = new EnumMap<>(Interval.class);
        for (Interval i : Interval.TIMEFRAMES) {
            map.put(i, new PerformanceThresholds(
                    parseDouble(perfKey("WIN_RATE", i), 0, 1, true, "a win rate from 0 to 1"),
                    parseDouble(perfKey("PROFIT_FACTOR", i), 0, 1000, true, "a profit factor from 0"),
                    parseInt(perfKey("MIN_TRADES", i), 1, 1_000_000, "trades"),
                    Duration.ofHours(parseInt(perfKey("COOLDOWN_HOURS", i), 0, 100_000, "hours"))));
        }
        return Map.copyOf(map);
    }

    private List<Interval> trainingIntervals() {
        boolean pluralSet = values.containsKey(TRAINING_INTERVALS) && !values.get(TRAINING_INTERVALS).isBlank();
        if (!pluralSet && raw(TRAINING_INTERVAL).isPresent()) {
            return parseIntervals(TRAINING_INTERVAL, raw(TRAINING_INTERVAL).get());
        }
        return parseIntervals(TRAINING_INTERVALS, required(TRAINING_INTERVALS));
    }

    private List<Interval> parseIntervals(String key, String text) {
        List<Interval> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String code = part.strip();
            Interval interval = Interval.fromCode(code).filter(Interval.TIMEFRAMES::contains)
                    .orElseThrow(() -> bad(key, text, "a comma-separated list of 5m, 15m, 1h, 4h, 1d"
                            + (code.isEmpty() ? "" : " ('" + code + "' is not one of them)")));
            if (!out.contains(interval)) {
                out.add(interval);
            }
        }
        return List.copyOf(out);
    }

    private Map<Interval, Duration> maxAges() {
        String text = required(MODEL_MAX_AGE_HOURS);
        String accepted = "hours for every interval (e.g. 24) or per interval like 5m=6,1h=24,4h=72";
        Map<Interval, Duration> map = new EnumMap<>(AnalysisSettings.DEFAULT_MAX_AGE);
        if (text.matches("\\d+")) {
            long hours = Long.parseLong(text);
            if (hours < 1 || hours > 100_000) {
                throw bad(MODEL_MAX_AGE_HOURS, text, accepted);
            }
            Interval.TIMEFRAMES.forEach(i -> map.put(i, Duration.ofHours(hours)));
            return Map.copyOf(map);
        }
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=");
            Optional<Interval> interval = kv.length == 2 ? Interval.fromCode(kv[0].strip()) : Optional.empty();
            if (interval.isEmpty() || !Interval.TIMEFRAMES.contains(interval.get()) || !kv[1].strip().matches("\\d+")
                    || Long.parseLong(kv[1].strip()) < 1) {
                throw bad(MODEL_MAX_AGE_HOURS, text, accepted);
            }
            map.put(interval.get(), Duration.ofHours(Long.parseLong(kv[1].strip())));
        }
        return Map.copyOf(map);
    }

    private List<String> parseSymbols(String key, String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip().toUpperCase(Locale.ROOT);
            if (!s.matches("[A-Z0-9]{5,20}")) {
                throw bad(key, text, "comma-separated Binance spot symbols such as BTCUSDT,ETHUSDT");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private URI parseUrl(String key, String text) {
        try {
            URI uri = new URI(text);
            if ((uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (Exception e) {
            // fall through to the one-line error
        }
        throw bad(key, text, "an http(s) URL such as https://api.binance.com");
    }

    private int parseInt(String key, int min, int max, String unit) {
        String text = required(key);
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw bad(key, text, "a whole number of " + unit + " from " + min + " to " + max);
    }

    private long parseLong(String key) {
        String text = required(key);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(key, text, "a whole number");
        }
    }

    private double parseDouble(String key, double min, double max, boolean minInclusive, String what) {
        String text = required(key);
        try {
            double v = Double.parseDouble(text);
            boolean aboveMin = minInclusive ? v >= min : v > min;
            if (Double.isFinite(v) && aboveMin && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw bad(key, text, what + " (" + (minInclusive ? "from " : "above ") + plain(min) + " to " + plain(max) + ")");
    }

    private boolean parseBoolean(String key) {
        String text = required(key);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw bad(key, text, "1 or 0 (also true/false, yes/no, on/off)");
        };
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
