package alpha12.core.config;

import alpha12.core.config.KeySpec.Group;
import alpha12.core.market.Interval;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.TrainingSettings;
import alpha12.core.monitor.PerformanceThresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every key any daemon reads. {@code .env.example} lists exactly these (a test checks it). */
public final class ConfigKeys {

    public static final String SYMBOL = "ALPHA12_SYMBOL";
    public static final String SOURCE = "ALPHA12_SOURCE";
    public static final String RUNS_DIR = "ALPHA12_RUNS_DIR";
    public static final String BINANCE_BASE_URL = "ALPHA12_BINANCE_BASE_URL";
    public static final String HTTP_TIMEOUT_SECONDS = "ALPHA12_HTTP_TIMEOUT_SECONDS";
    public static final String LOG_DIR = "ALPHA12_LOG_DIR";

    public static final String TRAINING_INTERVALS = "ALPHA12_TRAINING_INTERVALS";
    public static final String TRAINING_INTERVAL = "ALPHA12_TRAINING_INTERVAL";
    public static final String ANALYSIS_SLEEP = "ALPHA12_ANALYSIS_SLEEP";
    public static final String ANALYSIS_DAYS = "ALPHA12_ANALYSIS_DAYS";
    public static final String PERF_MONITOR_FREQ = "ALPHA12_PERF_MONITOR_FREQ";
    public static final String MODEL_MAX_AGE_HOURS = "ALPHA12_MODEL_MAX_AGE_HOURS";

    public static final String LABEL_HORIZON_BARS = "ALPHA12_LABEL_HORIZON_BARS";
    public static final String LABEL_ATR_MULT = "ALPHA12_LABEL_ATR_MULT";
    public static final String RF_TREES = "ALPHA12_RF_TREES";
    public static final String RF_SEED = "ALPHA12_RF_SEED";
    public static final String RF_MAX_DEPTH = "ALPHA12_RF_MAX_DEPTH";
    public static final String RF_MAX_NODES = "ALPHA12_RF_MAX_NODES";
    public static final String RF_NODE_SIZE = "ALPHA12_RF_NODE_SIZE";
    public static final String CALIBRATION = "ALPHA12_CALIBRATION";
    public static final String CV_FOLDS = "ALPHA12_CV_FOLDS";

    public static final String PERF_WINDOW_DAYS = "ALPHA12_PERF_WINDOW_DAYS";

    public static final String AUTOSIGNAL_INTERVALS = "ALPHA12_AUTOSIGNAL_INTERVALS";
    public static final String MIN_CONF_ARM = "MIN_CONF_ARM";
    public static final String GATE_REGIME = "GATE_REGIME";
    public static final String MAX_SETUPS_PER_DAY = "MAX_SETUPS_PER_DAY";
    public static final String K_ENTRY_ATR = "K_ENTRY_ATR";
    public static final String K_STOP_ATR = "K_STOP_ATR";
    public static final String STOP_MIN_FRAC = "STOP_MIN_FRAC";
    public static final String MIN_RR = "MIN_RR";
    public static final String VALID_BARS = "VALID_BARS";
    public static final String TRIGGER_RULE = "TRIGGER_RULE";
    public static final String ENTRY_BUFFER_BPS = "ENTRY_BUFFER_BPS";
    public static final String ACCOUNT_BALANCE_USD = "ACCOUNT_BALANCE_USD";
    public static final String RISK_PER_TRADE_PCT = "RISK_PER_TRADE_PCT";
    public static final String MAX_LEVERAGE = "MAX_LEVERAGE";

    public static final String TRACKER_SLEEP = "ALPHA12_SLEEP";
    public static final String FEES_BPS_PER_SIDE = "FEES_BPS_PER_SIDE";

    /** The timeframes that autosignal may trade, with their per-interval confidence keys. */
    public static final List<Interval> AUTOSIGNAL_ALLOWED = List.of(Interval.H1, Interval.H4, Interval.D1);

    private static final Map<String, KeySpec> ALL = build();

    private ConfigKeys() {
    }

    public static List<KeySpec> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<KeySpec> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static boolean isKnown(String name) {
        return ALL.containsKey(name);
    }

    /** {@code MIN_CONF_4H} for 4h. */
    public static String minConfKey(Interval interval) {
        return "MIN_CONF_" + suffix(interval);
    }

    /** e.g. {@code ALPHA12_PERF_WIN_RATE_1H}. */
    public static String perfKey(String what, Interval interval) {
        return "ALPHA12_PERF_" + what + "_" + suffix(interval);
    }

    private static String suffix(Interval interval) {
        return interval.code().toUpperCase(Locale.ROOT);
    }

    /**
     * The known key closest to {@code name} by edit distance, for "did you mean" warnings. The
     * {@code ALPHA12_} prefix is compared apart, so {@code ALPHA12_MIN_RR} finds {@code MIN_RR}.
     */
    public static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : ALL.keySet()) {
            int d = Math.min(editDistance(name, known), editDistance(unprefixed(name), unprefixed(known)) + 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best;
    }

    private static String unprefixed(String key) {
        return key.startsWith("ALPHA12_") ? key.substring("ALPHA12_".length()) : key;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, KeySpec> build() {
        List<KeySpec> keys = new ArrayList<>();
        keys.add(new KeySpec(SYMBOL, Group.GENERAL, "BTCUSDT", "Binance spot symbols, comma-separated"));
        keys.add(new KeySpec(SOURCE, Group.GENERAL, "binance",
                "Kline source: binance, sample (bundled offline data) or csv:<dir>"));
        keys.add(new KeySpec(RUNS_DIR, Group.GENERAL, "runs", "Folder shared by the three daemons"));
        keys.add(new KeySpec(BINANCE_BASE_URL, Group.GENERAL, "https://api.binance.com",
                "Binance REST base URL (e.g. https://api1.binance.com, or a mirror where the region is blocked)"));
        keys.add(new KeySpec(HTTP_TIMEOUT_SECONDS, Group.GENERAL, "30", "HTTP connect/read timeout in seconds"));
        keys.add(new KeySpec(LOG_DIR, Group.GENERAL, null,
                "When set, also log to a size-capped rolling file <dir>/<daemon>.log"));

        keys.add(new KeySpec(TRAINING_INTERVALS, Group.ANALYSIS, "5m,15m,1h,4h,1d",
                "Timeframes the background analysis trains, comma-separated"));
        keys.add(new KeySpec(TRAINING_INTERVAL, Group.ANALYSIS, null,
                "The seed's singular key; used only when ALPHA12_TRAINING_INTERVALS is unset"));
        keys.add(new KeySpec(ANALYSIS_SLEEP, Group.ANALYSIS, "300", "Seconds from one cycle's start to the next"));
        keys.add(new KeySpec(ANALYSIS_DAYS, Group.ANALYSIS, "120",
                "Days of history per timeframe (never fewer bars than warm-up + minimum rows + label horizon)"));
        keys.add(new KeySpec(PERF_MONITOR_FREQ, Group.ANALYSIS, "12", "Run the performance monitor every N cycles"));
        keys.add(new KeySpec(MODEL_MAX_AGE_HOURS, Group.ANALYSIS, "5m=6,15m=12,1h=24,4h=72,1d=168",
                "Republish a timeframe model older than this: hours for all, or per interval like 1h=24,4h=72"));

        keys.add(new KeySpec(LABEL_HORIZON_BARS, Group.MODEL, "12", "Triple-barrier label horizon in bars"));
        keys.add(new KeySpec(LABEL_ATR_MULT, Group.MODEL, "1.0", "Triple-barrier distance in ATR(14) multiples"));
        keys.add(new KeySpec(RF_TREES, Group.MODEL, Integer.toString(ForestSettings.DEFAULT_TREES),
                "Random forest trees"));
        keys.add(new KeySpec(RF_SEED, Group.MODEL, Long.toString(ForestSettings.DEFAULT_SEED),
                "Random forest seed: same data and settings give the same probabilities"));
        keys.add(new KeySpec(RF_MAX_DEPTH, Group.MODEL, Integer.toString(ForestSettings.DEFAULT_MAX_DEPTH),
                "Maximum tree depth in node levels, the root being level 1 (scikit-learn's max_depth + 1)"));
        keys.add(new KeySpec(RF_MAX_NODES, Group.MODEL, Integer.toString(ForestSettings.DEFAULT_MAX_NODES),
                "Maximum leaves per tree (trees grow best split first)"));
        keys.add(new KeySpec(RF_NODE_SIZE, Group.MODEL, Integer.toString(ForestSettings.DEFAULT_NODE_SIZE),
                "Minimum rows in a leaf, counted with their bootstrap weights (at most 5 % of a small training set)"));
        keys.add(new KeySpec(CALIBRATION, Group.MODEL, "platt", "Probability calibration: platt, isotonic or none"));
        keys.add(new KeySpec(CV_FOLDS, Group.MODEL, Integer.toString(TrainingSettings.DEFAULT_FOLDS),
                "Walk-forward validation folds"));

        keys.add(new KeySpec(PERF_WINDOW_DAYS, Group.MONITOR, "30", "Days of trade history the monitor judges"));
        for (Interval interval : Interval.TIMEFRAMES) {
            PerformanceThresholds t = PerformanceThresholds.DEFAULTS.get(interval);
            keys.add(new KeySpec(perfKey("WIN_RATE", interval), Group.MONITOR, ValueParsers.plain(t.winRate()),
                    interval + ": retrain when the live win rate falls below this"));
            keys.add(new KeySpec(perfKey("PROFIT_FACTOR", interval), Group.MONITOR,
                    ValueParsers.plain(t.profitFactor()),
                    interval + ": retrain when the live profit factor falls below this"));
            keys.add(new KeySpec(perfKey("MIN_TRADES", interval), Group.MONITOR, Integer.toString(t.minTrades()),
                    interval + ": trades needed before the monitor judges"));
            keys.add(new KeySpec(perfKey("COOLDOWN_HOURS", interval), Group.MONITOR,
                    Long.toString(t.cooldown().toHours()), interval + ": hours between performance retrains"));
        }

        keys.add(new KeySpec(AUTOSIGNAL_INTERVALS, Group.AUTOSIGNAL, "4h",
                "Timeframes autosignal trades: 1h, 4h and/or 1d (shorter bars are refused)"));
        keys.add(new KeySpec(MIN_CONF_ARM, Group.AUTOSIGNAL, "0.60",
                "Minimum confidence for a setup when no per-interval minimum is set"));
        for (Interval interval : AUTOSIGNAL_ALLOWED) {
            keys.add(new KeySpec(minConfKey(interval), Group.AUTOSIGNAL, null,
                    "Minimum confidence on " + interval + " (unset: MIN_CONF_ARM)"));
        }
        keys.add(new KeySpec(GATE_REGIME, Group.AUTOSIGNAL, "1",
                "Regime gate: no longs below SMA(200), no shorts above it (1 on, 0 off)"));
        keys.add(new KeySpec(MAX_SETUPS_PER_DAY, Group.AUTOSIGNAL, "2",
                "Auto setups per asset and interval in 24 h (0 = no cap)"));
        keys.add(new KeySpec(K_ENTRY_ATR, Group.AUTOSIGNAL, "0.25", "Entry distance from the close in ATR"));
        keys.add(new KeySpec(K_STOP_ATR, Group.AUTOSIGNAL, "1.0", "Stop distance from the entry in ATR"));
        keys.add(new KeySpec(STOP_MIN_FRAC, Group.AUTOSIGNAL, "0.005", "Minimum stop distance as a fraction of entry"));
        keys.add(new KeySpec(MIN_RR, Group.AUTOSIGNAL, "1.8", "Target distance in multiples of the risk"));
        keys.add(new KeySpec(VALID_BARS, Group.AUTOSIGNAL, "24", "Bars a setup stays valid after its candle"));
        keys.add(new KeySpec(TRIGGER_RULE, Group.AUTOSIGNAL, "touch", "Entry trigger: touch or close-through"));
        keys.add(new KeySpec(ENTRY_BUFFER_BPS, Group.AUTOSIGNAL, "5.0",
                "close-through: how far beyond the entry the close must be, in basis points"));
        keys.add(new KeySpec(ACCOUNT_BALANCE_USD, Group.AUTOSIGNAL, "400", "Account balance for sizing, USD"));
        keys.add(new KeySpec(RISK_PER_TRADE_PCT, Group.AUTOSIGNAL, "1.0", "Risk per trade, percent of balance"));
        keys.add(new KeySpec(MAX_LEVERAGE, Group.AUTOSIGNAL, "10", "Size is cut so that notional/balance stays <= this"));

        keys.add(new KeySpec(TRACKER_SLEEP, Group.TRACKER, "15", "Seconds between tracker polls (minimum 3)"));
        keys.add(new KeySpec(FEES_BPS_PER_SIDE, Group.TRACKER, "4.0", "Fees per side in basis points, for pnl_pct_net"));

        Map<String, KeySpec> byName = new LinkedHashMap<>();
        for (KeySpec k : keys) {
            if (byName.put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate config key " + k.name());
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
