package alpha12.core.runs;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Gate;
import alpha12.core.trading.SignalDecision;
import alpha12.core.trading.SignalRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsFileTest {

    private static final Instant TS = Instant.parse("2024-03-12T04:00:00Z");

    @TempDir
    Path runs;

    private RunsStore store() {
        return new RunsStore(runs, Clock.fixed(TS, ZoneOffset.UTC));
    }

    private static SignalRecord signal(SignalDecision decision, String reason) {
        return new SignalRecord(TS, "BTCUSDT", Interval.H4, Direction.LONG, 0.64, 0.64, 0.36, 71000.5, decision, reason);
    }

    @Test
    void decisionsAreWrittenAsTheirCodesWithTheSetupIdOnlyForASetup() throws IOException {
        List<SignalRecord> rows = List.of(signal(new SignalDecision.SetupMade("AUTO-BTCUSDT-4h-20240312_080000"),
                "all gates passed"), signal(new SignalDecision.Blocked(Gate.DAILY_CAP), "2 setups today"));
        store().append(SignalsFile.SCHEMA, rows);

        List<String> lines = Files.readAllLines(runs.resolve(SignalsFile.NAME));
        assertThat(lines.get(1)).endsWith(",setup,all gates passed,AUTO-BTCUSDT-4h-20240312_080000");
        assertThat(lines.get(2)).endsWith(",blocked:daily_cap,2 setups today,");
        assertThat(store().read(SignalsFile.SCHEMA)).isEqualTo(rows);
    }

    @Test
    void aRowWhoseDecisionAndSetupIdDisagreeIsSetAside() throws IOException {
        String good = "2024-03-12T04:00:00+00:00,BTCUSDT,4h,long,0.64,0.64,0.36,71000.5,blocked:regime,below SMA,";
        Files.writeString(runs.resolve(SignalsFile.NAME), SignalsFile.SCHEMA.header() + "\n"
                + "2024-03-12T04:00:00+00:00,BTCUSDT,4h,long,0.64,0.64,0.36,71000.5,setup,all gates passed,\n"
                + "2024-03-12T04:00:00+00:00,BTCUSDT,4h,long,0.64,0.64,0.36,71000.5,blocked:moon,phase,\n"
                + "2024-03-12T04:00:00+00:00,BTCUSDT,4h,long,0.64,0.64,0.36,71000.5,blocked:regime,below SMA,AUTO-X\n"
                + good + "\n");

        assertThat(store().read(SignalsFile.SCHEMA)).extracting(s -> s.decision())
                .containsExactly(new SignalDecision.Blocked(Gate.REGIME));
        assertThat(Files.readString(runs.resolve(SignalsFile.NAME + ".rejected")))
                .contains("setup,all gates passed,\n").contains("blocked:moon").contains("AUTO-X");
    }
}
