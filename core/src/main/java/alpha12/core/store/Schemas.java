package alpha12.core.store;

import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.features.FeatureNames;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.model.AnalysisRow;
import alpha12.core.trading.Direction;
import alpha12.core.trading.FeaturesAtSignal;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Outcome;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SignalRecord;
import alpha12.core.trading.TradeRecord;
import alpha12.core.trading.TriggerRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every CSV file under runs/, each with its one schema. */
public final class Schemas {

    public static final String BACKGROUND_ANALYSIS_FILE = "background_analysis.csv";
    public static final String SETUPS_FILE = "setups.csv";
    public static final String TRADE_HISTORY_FILE = "trade_history.csv";
    public static final String SIGNALS_FILE = "signals.csv";
    public static final String FEATURES_AT_SIGNAL_FILE = "features_at_signal.csv";

    public static final CsvSchema<AnalysisRow> BACKGROUND_ANALYSIS = new CsvSchema<>(BACKGROUND_ANALYSIS_FILE,
            List.of("asset", "interval", "timestamp", "samples", "features", "accuracy", "win_rate", "cv_accuracy",
                    "cv_precision", "cv_recall", "cv_f1", "top_features", "model_type", "calibrated"),
            r -> List.of(r.asset(), r.interval().code(), time(r.timestamp()), Integer.toString(r.samples()),
                    Integer.toString(r.features()), num(r.accuracy()), num(r.winRate()), num(r.cvAccuracy()),
                    num(r.cvPrecision()), num(r.cvRecall()), num(r.cvF1()), pythonList(r.topFeatures()),
                    r.modelType(), Cells.bool(r.calibrated())),
            row -> new AnalysisRow(row.requiredText("asset"), interval(row, "interval"), row.instant("timestamp"),
                    row.intValue("samples"), row.intValue("features"), row.optionalDecimal("accuracy"),
                    row.optionalDecimal("win_rate"), row.optionalDecimal("cv_accuracy"),
                    row.optionalDecimal("cv_precision"), row.optionalDecimal("cv_recall"),
                    row.optionalDecimal("cv_f1"), parsePythonList(row.text("top_features")),
                    row.requiredText("model_type"), row.bool("calibrated")));

    public static final CsvSchema<Setup> SETUPS = new CsvSchema<>(SETUPS_FILE,
            List.of("id", "unique_id", "asset", "interval", "direction", "entry", "stop", "target", "rr",
                    "size_units", "notional_usd", "leverage", "created_at", "expires_at", "status", "confidence",
                    "trigger_rule", "entry_buffer_bps", "origin", "triggered_at", "trigger_price", "trigger_ts",
                    "valid_bars"),
            s -> List.of(s.id(), s.uniqueId(), s.asset(), s.interval().code(), s.direction().code(), num(s.entry()),
                    num(s.stop()), num(s.target()), num(s.rr()), num(s.sizeUnits()), num(s.notionalUsd()),
                    num(s.leverage()), time(s.createdAt()), time(s.expiresAt()), s.status().code(),
                    num(s.confidence()), s.triggerRule().code(), num(s.entryBufferBps()), s.origin().code(),
                    time(s.triggeredAt()), num(s.triggerPrice()), time(s.triggerTs()),
                    Integer.toString(s.validBars())),
            Schemas::readSetup);

    public static final CsvSchema<TradeRecord> TRADE_HISTORY = new CsvSchema<>(TRADE_HISTORY_FILE,
            List.of("setup_id", "asset", "interval", "direction", "created_at", "trigger_ts", "entry", "stop",
                    "target", "exit_ts", "exit_price", "outcome", "pnl_pct", "pnl_pct_net", "rr_planned",
                    "confidence", "size_units", "notional_usd", "leverage", "fees_bps_per_side", "price_at_trigger",
                    "trigger_rule", "entry_buffer_bps", "pnl_r", "origin"),
            t -> List.of(t.setupId(), t.asset(), t.interval().code(), t.direction().code(), time(t.createdAt()),
                    time(t.triggerTs()), num(t.entry()), num(t.stop()), num(t.target()), time(t.exitTs()),
                    num(t.exitPrice()), t.outcome().code(), num(t.pnlPct()), num(t.pnlPctNet()), num(t.rrPlanned()),
                    num(t.confidence()), num(t.sizeUnits()), num(t.notionalUsd()), num(t.leverage()),
                    num(t.feesBpsPerSide()), num(t.priceAtTrigger()), t.triggerRule().code(),
                    num(t.entryBufferBps()), num(t.pnlR()), t.origin().code()),
            Schemas::readTrade);

    public static final CsvSchema<SignalRecord> SIGNALS = new CsvSchema<>(SIGNALS_FILE,
            List.of("ts", "asset", "interval", "signal", "confidence", "prob_up", "prob_down", "price", "decision",
                    "reason", "setup_id"),
            s -> List.of(time(s.ts()), s.asset(), s.interval().code(), s.signal().code(), num(s.confidence()),
                    num(s.probUp()), num(s.probDown()), num(s.price()), s.decision(), s.reason(), s.setupId()),
            row -> new SignalRecord(row.instant("ts"), row.requiredText("asset"), interval(row, "interval"),
                    direction(row, "signal"), row.decimal("confidence"), row.decimal("prob_up"),
                    row.decimal("prob_down"), row.decimal("price"), row.requiredText("decision"), row.text("reason"),
                    row.text("setup_id")));

    public static final CsvSchema<FeaturesAtSignal> FEATURES_AT_SIGNAL = new CsvSchema<>(FEATURES_AT_SIGNAL_FILE,
            concat(List.of("ts", "asset", "interval", "setup_id"), FeatureNames.ALL),
            f -> concat(List.of(time(f.ts()), f.asset(), f.interval().code(), f.setupId()),
                    Arrays.stream(f.features()).mapToObj(Cells::num).toList()),
            row -> {
                double[] values = new double[FeatureNames.COUNT];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.decimal(FeatureNames.ALL.get(i));
                }
                return new FeaturesAtSignal(row.instant("ts"), row.requiredText("asset"), interval(row, "interval"),
                        row.text("setup_id"), values);
            });

    /** Kline cache files, in the Binance public-data column order. */
    public static CsvSchema<Kline> klineCache(String symbol, Interval interval) {
        return new CsvSchema<>("cache/klines/" + symbol + "-" + interval.code() + ".csv",
                List.of("open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "trades",
                        "taker_buy_base", "taker_buy_quote", "ignore"),
                k -> List.of(Long.toString(k.openTime()), num(k.open()), num(k.high()), num(k.low()), num(k.close()),
                        num(k.volume()), Long.toString(k.closeTime()), num(k.quoteVolume()),
                        k.trades() < 0 ? "" : Long.toString(k.trades()), num(k.takerBuyBase()),
                        num(k.takerBuyQuote()), num(k.ignore())),
                row -> new Kline(row.integer("open_time"), row.decimal("open"), row.decimal("high"),
                        row.decimal("low"), row.decimal("close"), row.decimal("volume"), row.integer("close_time"),
                        row.optionalDecimal("quote_volume"), row.text("trades").isBlank() ? -1 : row.integer("trades"),
                        row.optionalDecimal("taker_buy_base"), row.optionalDecimal("taker_buy_quote"),
                        row.optionalDecimal("ignore")));
    }

    private Schemas() {
    }

    private static Setup readSetup(Row row) throws MalformedRowException {
        double entry = positive(row, "entry");
        double stop = positive(row, "stop");
        double target = positive(row, "target");
        return new Setup(row.requiredText("id"), row.requiredText("unique_id"), row.requiredText("asset"),
                interval(row, "interval"), direction(row, "direction"), entry, stop, target, row.decimal("rr"),
                row.decimal("size_units"), row.decimal("notional_usd"), row.decimal("leverage"),
                row.instant("created_at"), row.instant("expires_at"), status(row), confidence(row),
                triggerRule(row), row.decimal("entry_buffer_bps"), origin(row), row.optionalInstant("triggered_at"),
                row.optionalDecimal("trigger_price"), row.optionalInstant("trigger_ts"),
                row.intValue("valid_bars"));
    }

    private static TradeRecord readTrade(Row row) throws MalformedRowException {
        return new TradeRecord(row.requiredText("setup_id"), row.requiredText("asset"), interval(row, "interval"),
                direction(row, "direction"), row.instant("created_at"), row.optionalInstant("trigger_ts"),
                positive(row, "entry"), positive(row, "stop"), positive(row, "target"), row.instant("exit_ts"),
                row.optionalDecimal("exit_price"), outcome(row), row.decimal("pnl_pct"), row.decimal("pnl_pct_net"),
                row.decimal("rr_planned"), confidence(row), row.optionalDecimal("size_units"),
                row.optionalDecimal("notional_usd"), row.optionalDecimal("leverage"),
                row.decimal("fees_bps_per_side"), row.optionalDecimal("price_at_trigger"), triggerRule(row),
                row.decimal("entry_buffer_bps"), row.optionalDecimal("pnl_r"), origin(row));
    }

    static Interval interval(Row row, String column) throws MalformedRowException {
        String v = row.requiredText(column);
        return Interval.fromCode(v).orElseThrow(() -> new MalformedRowException(column + " is not an interval: '" + v + "'"));
    }

    static Direction direction(Row row, String column) throws MalformedRowException {
        String v = row.requiredText(column);
        return Direction.fromCode(v).orElseThrow(() -> new MalformedRowException(column + " is not long/short: '" + v + "'"));
    }

    private static SetupStatus status(Row row) throws MalformedRowException {
        String v = row.requiredText("status");
        return SetupStatus.fromCode(v).orElseThrow(() -> new MalformedRowException("status is not a setup status: '" + v + "'"));
    }

    private static Outcome outcome(Row row) throws MalformedRowException {
        String v = row.requiredText("outcome");
        return Outcome.fromCode(v).orElseThrow(() -> new MalformedRowException("outcome is not an outcome: '" + v + "'"));
    }

    private static TriggerRule triggerRule(Row row) throws MalformedRowException {
        String v = row.requiredText("trigger_rule");
        return TriggerRule.fromCode(v).orElseThrow(() -> new MalformedRowException("trigger_rule is not touch/close-through: '" + v + "'"));
    }

    private static Origin origin(Row row) throws MalformedRowException {
        String v = row.requiredText("origin");
        return Origin.fromCode(v).orElseThrow(() -> new MalformedRowException("origin is not auto/manual: '" + v + "'"));
    }

    private static double positive(Row row, String column) throws MalformedRowException {
        double v = row.decimal(column);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new MalformedRowException(column + " must be a positive price: " + v);
        }
        return v;
    }

    private static double confidence(Row row) throws MalformedRowException {
        double v = row.decimal("confidence");
        if (v < 0 || v > 1) {
            throw new MalformedRowException("confidence must be in [0, 1]: " + v);
        }
        return v;
    }

    /** Python's list repr: {@code ['rsi_14', 'atr_ratio']}. */
    static String pythonList(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item.contains(",") || item.contains("'") || item.contains("\"")) {
                throw new IllegalArgumentException("a list item cannot hold a comma or a quote: " + item);
            }
            out.append(i == 0 ? "" : ", ").append('\'').append(items.get(i)).append('\'');
        }
        return out.append(']').toString();
    }

    static List<String> parsePythonList(String text) throws MalformedRowException {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new MalformedRowException("not a list: '" + text + "'");
        }
        String inner = t.substring(1, t.length() - 1).strip();
        List<String> out = new ArrayList<>();
        if (inner.isEmpty()) {
            return out;
        }
        for (String part : inner.split(",")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\""))) {
                p = p.substring(1, p.length() - 1);
            }
            out.add(p);
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
