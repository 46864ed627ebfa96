package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.direction;
import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.store.CsvSchema;
import alpha12.core.trading.SignalRecord;
import java.util.List;

/** {@code runs/signals.csv}: every candle autosignal scored, with its decision and the reason for it. */
public final class SignalsFile {

    public static final String NAME = "signals.csv";

    public static final CsvSchema<SignalRecord> SCHEMA = new CsvSchema<>(NAME,
            List.of("ts", "asset", "interval", "signal", "confidence", "prob_up", "prob_down", "price", "decision",
                    "reason", "setup_id"),
            s -> List.of(time(s.ts()), s.asset(), s.interval().code(), s.signal().code(), num(s.confidence()),
                    num(s.probUp()), num(s.probDown()), num(s.price()), s.decision(), s.reason(), s.setupId()),
            row -> new SignalRecord(row.instant("ts"), row.requiredText("asset"), interval(row, "interval"),
                    direction(row, "signal"), row.decimal("confidence"), row.decimal("prob_up"),
                    row.decimal("prob_down"), row.decimal("price"), row.requiredText("decision"), row.text("reason"),
                    row.text("setup_id")));

    private SignalsFile() {
    }
}
