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

import alpha12.core.market.Timeframe;
import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
            SetupsFile::cells,
            SetupsFile::read);

    private SetupsFile() {
    }

    private static List<String> cells(Setup s) {
        Setup.Levels levels = s.levels();
        Setup.Sizing sizing = s.sizing();
        Setup.Lifecycle life = s.lifecycle();
        return List.of(s.id(), s.uniqueId(), s.timeframe().asset(), s.timeframe().interval().code(),
                s.direction().code(), num(levels.entry()), num(levels.stop()), num(levels.target()), num(levels.rr()),
                num(sizing.units()), num(sizing.notionalUsd()), num(sizing.leverage()), time(life.createdAt()),
                time(life.expiresAt()), life.status().code(), num(s.confidence()), s.trigger().rule().code(),
                num(s.trigger().entryBufferBps()), s.origin().code(), time(life.triggeredAt()),
                num(life.triggerPrice()), time(life.triggerTs()), Integer.toString(life.validBars()));
    }

    /** Reads the columns in file order, so a row's first bad column is the one its rejection names. */
    private static Setup read(Row row) throws MalformedRowException {
        String id = row.requiredText("id");
        String uniqueId = row.requiredText("unique_id");
        Timeframe timeframe = new Timeframe(row.requiredText("asset"), interval(row, "interval"));
        Direction direction = direction(row, "direction");
        Setup.Levels levels = new Setup.Levels(positive(row, "entry"), positive(row, "stop"), positive(row, "target"),
                row.decimal("rr"));
        Setup.Sizing sizing = new Setup.Sizing(row.decimal("size_units"), row.decimal("notional_usd"),
                row.decimal("leverage"));
        Instant createdAt = row.instant("created_at");
        Instant expiresAt = row.instant("expires_at");
        SetupStatus status = status(row);
        double confidence = confidence(row);
        Setup.Trigger trigger = new Setup.Trigger(triggerRule(row), row.decimal("entry_buffer_bps"));
        Origin origin = origin(row);
        Optional<Instant> triggeredAt = row.optionalInstant("triggered_at");
        double triggerPrice = row.optionalDecimal("trigger_price");
        Optional<Instant> triggerTs = row.optionalInstant("trigger_ts");
        int validBars = row.intValue("valid_bars");
        return new Setup(id, uniqueId, timeframe, direction, confidence, origin, levels, sizing, trigger,
                new Setup.Lifecycle(createdAt, expiresAt, validBars, status, triggeredAt, triggerPrice, triggerTs));
    }
}
