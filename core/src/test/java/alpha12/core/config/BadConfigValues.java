package alpha12.core.config;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Bad configuration values and what their error line must say is accepted; shared by the CLI tests. */
public final class BadConfigValues {

    private BadConfigValues() {
    }

    /** (key, bad value, the text after {@code accepted: }). */
    public static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ALPHA12_ANALYSIS_SLEEP", "abc", "a whole number of seconds from 1 to 86400"),
                Arguments.of("ALPHA12_ANALYSIS_SLEEP", "300s", "a whole number of seconds from 1 to 86400"),
                Arguments.of("ALPHA12_ANALYSIS_SLEEP", "0", "a whole number of seconds from 1 to 86400"),
                Arguments.of("ALPHA12_ANALYSIS_DAYS", "-1", "a whole number of days from 1 to 3650"),
                Arguments.of("ALPHA12_ANALYSIS_DAYS", "99999999999999999999", "a whole number of days from 1 to 3650"),
                Arguments.of("ALPHA12_PERF_MONITOR_FREQ", "1.5", "a whole number of cycles from 1 to 100000"),
                Arguments.of("ALPHA12_TRAINING_INTERVALS", "5m,7m",
                        "a comma-separated list of 5m, 15m, 1h, 4h, 1d ('7m' is not one of them)"),
                Arguments.of("ALPHA12_TRAINING_INTERVALS", "5m,,1h",
                        "a comma-separated list of 5m, 15m, 1h, 4h, 1d (an empty item)"),
                Arguments.of("ALPHA12_TRAINING_INTERVAL", "1m",
                        "a comma-separated list of 5m, 15m, 1h, 4h, 1d ('1m' is not one of them)"),
                Arguments.of("ALPHA12_AUTOSIGNAL_INTERVALS", "15m", "a comma-separated list of 1h, 4h, 1d ('15m' is "
                        + "not one of them: autosignal trades only 1h and longer candles, because shorter bars are "
                        + "mostly noise)"),
                Arguments.of("ALPHA12_SYMBOL", "BTC-USDT",
                        "comma-separated Binance spot symbols such as BTCUSDT,ETHUSDT"),
                Arguments.of("ALPHA12_SOURCE", "kraken", "binance, sample or csv:<dir>"),
                Arguments.of("ALPHA12_SOURCE", "csv:/no/such/folder", "csv:<dir> where <dir> is an existing folder"),
                Arguments.of("ALPHA12_BINANCE_BASE_URL", "api.binance.com",
                        "an http(s) URL such as https://api.binance.com"),
                Arguments.of("ALPHA12_BINANCE_BASE_URL", "ftp://api.binance.com",
                        "an http(s) URL such as https://api.binance.com"),
                Arguments.of("ALPHA12_HTTP_TIMEOUT_SECONDS", "0", "a whole number of seconds from 1 to 600"),
                Arguments.of("ALPHA12_MODEL_MAX_AGE_HOURS", "1h=abc", "hours for every interval (e.g. 24) or per "
                        + "interval like 5m=6,1h=24,4h=72 (whole hours from 1 to 100000)"),
                Arguments.of("ALPHA12_MODEL_MAX_AGE_HOURS", "2h=5", "hours for every interval (e.g. 24) or per "
                        + "interval like 5m=6,1h=24,4h=72 (whole hours from 1 to 100000)"),
                Arguments.of("ALPHA12_LABEL_ATR_MULT", "0", "an ATR multiple (from 0.01 to 100)"),
                Arguments.of("ALPHA12_RF_SEED", "12.5", "a whole number (at most 18 digits)"),
                Arguments.of("ALPHA12_CALIBRATION", "sigmoid", "platt, isotonic or none"),
                Arguments.of("ALPHA12_CV_FOLDS", "1", "a whole number of folds from 2 to 20"),
                Arguments.of("ALPHA12_PERF_WIN_RATE_1H", "1.5", "a win rate (from 0 to 1)"),
                Arguments.of("ALPHA12_PERF_COOLDOWN_HOURS_4H", "-2", "a whole number of hours from 0 to 100000"),
                Arguments.of("MIN_CONF_ARM", "0.4", "a confidence (from 0.5 to 1)"),
                Arguments.of("MIN_CONF_4H", "high", "a confidence (from 0.5 to 1)"),
                Arguments.of("GATE_REGIME", "maybe", "1 or 0 (also true/false, yes/no, on/off)"),
                Arguments.of("MAX_SETUPS_PER_DAY", "-1", "a whole number of setups (0 = no cap) from 0 to 1000"),
                Arguments.of("K_ENTRY_ATR", "0.3f", "an ATR multiple (from 0 to 20)"),
                Arguments.of("K_STOP_ATR", "NaN", "an ATR multiple (above 0, at most 50)"),
                Arguments.of("MIN_RR", "0", "a reward/risk ratio (above 0, at most 100)"),
                Arguments.of("TRIGGER_RULE", "cross", "touch or close-through"),
                Arguments.of("ENTRY_BUFFER_BPS", "five", "basis points (from 0 to 10000)"),
                Arguments.of("ACCOUNT_BALANCE_USD", "1e13", "a balance in USD (above 0, at most 1000000000000)"),
                Arguments.of("ALPHA12_SLEEP", "2",
                        "a whole number of seconds (the tracker polls no faster than every 3 s) from 3 to 86400"),
                Arguments.of("FEES_BPS_PER_SIDE", "-1", "basis points (from 0 to 1000)"),
                Arguments.of("ALPHA12_LABEL_HORIZON_BARS", "0", "a whole number of bars from 1 to 500"),
                Arguments.of("ALPHA12_RF_TREES", "many", "a whole number of trees from 1 to 5000"),
                Arguments.of("ALPHA12_RF_MAX_DEPTH", "1", "a whole number of levels from 2 to 64"),
                Arguments.of("ALPHA12_RF_MAX_NODES", "-256", "a whole number of leaves from 2 to 1000000"),
                Arguments.of("ALPHA12_RF_NODE_SIZE", "0", "a whole number of rows from 1 to 100000"),
                Arguments.of("ALPHA12_PERF_WINDOW_DAYS", "30d", "a whole number of days from 1 to 3650"),
                Arguments.of("ALPHA12_PERF_PROFIT_FACTOR_15M", "-0.1", "a profit factor (from 0 to 1000)"),
                Arguments.of("ALPHA12_PERF_MIN_TRADES_1D", "0", "a whole number of trades from 1 to 1000000"),
                Arguments.of("MIN_CONF_1H", "0.45", "a confidence (from 0.5 to 1)"),
                Arguments.of("MIN_CONF_1D", "1.01", "a confidence (from 0.5 to 1)"),
                Arguments.of("STOP_MIN_FRAC", "0.6", "a fraction of the entry (from 0 to 0.5)"),
                Arguments.of("VALID_BARS", "0", "a whole number of bars from 1 to 10000"),
                Arguments.of("RISK_PER_TRADE_PCT", "0", "a percentage of the balance (above 0, at most 100)"),
                Arguments.of("MAX_LEVERAGE", "10x", "a leverage (above 0, at most 1000)"));
    }
}
