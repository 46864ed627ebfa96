package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.confidence;
import static alpha12.core.runs.ColumnValues.direction;
import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.runs.ColumnValues.origin;
import static alpha12.core.runs.ColumnValues.positive;
import static alpha12.core.runs.ColumnValues.status;
import static alpha12.core.runs.ColumnValues.triggerRule;
import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import alpha12.core.trading.Setup;
import java.util.List;

/**
 * {@code runs/setups.csv}: every setup with its current status — appended by autosignal, rewritten by the
 * tracker as setups trigger and end. Rows whose prices or confidence are impossible are not trusted.
 */
public final class SetupsFile {

    public static final String NAME = "setups.csv";

    public static final CsvSchema<Setup> SCHEMA = new CsvSchema<>(NAME,
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
            SetupsFile::read);

    private SetupsFile() {
    }

    private static Setup read(Row row) throws MalformedRowException {
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
}
