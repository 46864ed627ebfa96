package alpha12.core.runs;

import static alpha12.core.runs.ColumnValues.direction;
import static alpha12.core.runs.ColumnValues.interval;
import static alpha12.core.store.Cells.num;
import static alpha12.core.store.Cells.time;

import alpha12.core.store.CsvSchema;
import alpha12.core.store.MalformedRowException;
import alpha12.core.store.Row;
import alpha12.core.trading.SignalDecision;
import alpha12.core.trading.SignalRecord;
import java.util.List;
import java.util.Optional;

/** {@code runs/signals.csv}: every candle autosignal scored, with its decision and the reason for it. */
public final class SignalsFile {

    public static final String NAME = "signals.csv";

    public static final CsvSchema<SignalRecord> SCHEMA = new CsvSchema<>(NAME,
            List.of("ts", "asset", "interval", "signal", "confidence", "prob_up", "prob_down", "price", "decision",
                    "reason", "setup_id"),
            s -> List.of(time(s.ts()), s.asset(), s.interval().code(), s.signal().code(), num(s.confidence()),
                    num(s.probUp()), num(s.probDown()), num(s.price()), s.decision().code(), s.reason(),
                    s.decision().setupId().orElse("")),
            row -> new SignalRecord(row.instant("ts"), row.requiredText("asset"), interval(row, "interval"),
                    direction(row, "signal"), row.decimal("confidence"), row.decimal("prob_up"),
                    row.decimal("prob_down"), row.decimal("price"), decision(row), row.text("reason")));

    private SignalsFile() {
    }

    /** {@code setup} with the setup's id, or {@code blocked:<gate>} without one. */
    private static SignalDecision decision(Row row) throws MalformedRowException {
        String code = row.requiredText("decision");
        String setupId = row.text("setup_id");
        return SignalDecision.of(code, setupId.isEmpty() ? Optional.empty() : Optional.of(setupId))
                .orElseThrow(() -> new MalformedRowException("decision '" + code + "' with setup_id '" + setupId
                        + "' is neither setup with an id nor blocked:<gate> without one"));
    }
}
