package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.confidence;
import static alpha12.core.runs.ColumnValues.direction;
import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.runs.ColumnValues.origin;
import static alpha12.core.runs.ColumnValues.outcome;
import static alpha12.core.runs.ColumnValues.positive;
import static alpha12.core.runs.ColumnValues.triggerRule;
import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import alpha12.core.trading.TradeRecord;
import java.util.List;

/**
 * {@code runs/trade_history.csv}: one row per ended setup, appended by the tracker — the original's 23
 * columns, then {@code pnl_r} and {@code origin}. The performance monitor reads it.
 */
public final class TradeHistoryFile {

    public static final String NAME = "trade_history.csv";

    public static final CsvSchema<TradeRecord> SCHEMA = new CsvSchema<>(NAME,
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
            TradeHistoryFile::read);

    private TradeHistoryFile() {
    }

    private static TradeRecord read(Row row) throws MalformedRowException {
        return new TradeRecord(row.requiredText("setup_id"), row.requiredText("asset"), interval(row, "interval"),
                direction(row, "direction"), row.instant("created_at"), row.optionalInstant("trigger_ts"),
                positive(row, "entry"), positive(row, "stop"), positive(row, "target"), row.instant("exit_ts"),
                row.optionalDecimal("exit_price"), outcome(row), row.decimal("pnl_pct"), row.decimal("pnl_pct_net"),
                row.decimal("rr_planned"), confidence(row), row.optionalDecimal("size_units"),
                row.optionalDecimal("notional_usd"), row.optionalDecimal("leverage"),
                row.decimal("fees_bps_per_side"), row.optionalDecimal("price_at_trigger"), triggerRule(row),
                row.decimal("entry_buffer_bps"), row.optionalDecimal("pnl_r"), origin(row));
    }
}
