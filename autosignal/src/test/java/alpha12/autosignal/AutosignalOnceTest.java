package alpha12.autosignal;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.Launcher;
import alpha12.core.config.ConfigException;
import alpha12.core.features.FeatureNames;
import alpha12.core.market.Interval;
import alpha12.core.runs.FeaturesAtSignalFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupStatus;
import alpha12.core.trading.SignalRecord;
import alpha12.core.trading.TriggerRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpha12-autosignal --once --source sample --now T}, in process, settings from an env file. */
class AutosignalOnceTest {

    /** A 4h candle close inside the bundled sample (it ends 2024-04-01). */
    static final Instant NOW = Instant.parse("2024-03-12T08:00:30Z");

    @TempDir
    Path dir;

    private int run(String envFile, Instant now, String... extra) throws IOException {
        Path env = dir.resolve("test.env");
        Files.writeString(env, "ALPHA12_RF_TREES=40\n" + envFile);
        String[] args = {"--once", "--source", "sample", "--runs-dir", dir.resolve("runs").toString(),
            "--env-file", env.toString(), "--now", now.toString()};
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        int code = Launcher.run("alpha12-autosignal", new AutosignalMain(), new PrintWriter(new StringWriter()),
                new PrintWriter(err), all);
        lastErr = err.toString();
        return code;
    }

    private String lastErr = "";

    private RunsStore store() {
        return new RunsStore(dir.resolve("runs"), Clock.systemUTC());
    }

    @Test
    void scoresTheLatestClosedCandleAndWritesASetupWithEveryColumnWhenTheGatesPass() throws IOException {
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();

        Instant barOpen = Instant.parse("2024-03-12T04:00:00Z");
        List<SignalRecord> signals = store().read(SignalsFile.SCHEMA);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.ts()).isEqualTo(barOpen);
            assertThat(s.interval()).isEqualTo(Interval.H4);
            assertThat(s.confidence()).isBetween(0.5, 1.0).isEqualTo(Math.max(s.probUp(), s.probDown()));
            assertThat(s.probUp() + s.probDown()).isEqualTo(1.0);
            assertThat(s.signal()).isEqualTo(s.probUp() >= 0.5 ? Direction.LONG : Direction.SHORT);
            assertThat(s.decision().code()).isEqualTo("setup");
        });
        Setup setup = store().read(SetupsFile.SCHEMA).get(0);
        Instant close = Instant.parse("2024-03-12T08:00:00Z");
        assertThat(setup.id()).isEqualTo("AUTO-BTCUSDT-4h-20240312_080000");
        assertThat(setup.uniqueId()).isEqualTo("AUTO-BTCUSDT-4h-" + setup.direction().name() + "-20240312-0800");
        assertThat(setup.lifecycle().createdAt()).isEqualTo(close);
        assertThat(setup.lifecycle().expiresAt()).isEqualTo(close.plus(Duration.ofHours(4 * 24)));
        assertThat(setup.lifecycle().status()).isEqualTo(SetupStatus.PENDING);
        assertThat(setup.origin()).isEqualTo(Origin.AUTO);
        assertThat(setup.trigger().rule()).isEqualTo(TriggerRule.TOUCH);
        assertThat(setup.trigger().entryBufferBps()).isEqualTo(5.0);
        assertThat(setup.lifecycle().validBars()).isEqualTo(24);
        assertThat(setup.levels().rr()).isEqualTo(1.8);
        assertThat(setup.confidence()).isEqualTo(signals.get(0).confidence());
        double sign = setup.direction().sign();
        assertThat(sign * (signals.get(0).price() - setup.levels().entry())).isPositive();
        assertThat(sign * (setup.levels().entry() - setup.levels().stop())).isPositive();
        assertThat(setup.levels().target() - setup.levels().entry())
                .isCloseTo(sign * 1.8 * Math.abs(setup.levels().entry() - setup.levels().stop()),
                        org.assertj.core.api.Assertions.within(1e-6));
        assertThat(setup.sizing().units() * setup.levels().riskPerUnit())
                .isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(setup.sizing().notionalUsd()).isCloseTo(setup.sizing().units() * setup.levels().entry(),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(setup.sizing().leverage()).isBetween(0.0, 10.0);
        assertThat(setup.lifecycle().triggeredAt()).isEmpty();
        assertThat(Files.readString(dir.resolve("runs/setups.csv")).lines().findFirst().orElseThrow())
                .isEqualTo(String.join(",", SetupsFile.SCHEMA.columns()));

        assertThat(store().read(FeaturesAtSignalFile.SCHEMA)).singleElement().satisfies(f -> {
            assertThat(f.setupId()).contains(setup.id());
            assertThat(f.features()).hasSize(FeatureNames.COUNT);
            assertThat(java.util.Arrays.stream(f.features()).allMatch(Double::isFinite)).isTrue();
        });
        assertThat(dir.resolve("runs/timeframe_models/BTCUSDT_4h/meta.json")).exists();
    }

    @Test
    void scoringTheSameCandleAgainAddsNothing() throws IOException {
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();
        String setups = Files.readString(dir.resolve("runs/setups.csv"));
        String signals = Files.readString(dir.resolve("runs/signals.csv"));
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW.plus(Duration.ofMinutes(30)))).isZero();
        assertThat(Files.readString(dir.resolve("runs/setups.csv"))).isEqualTo(setups);
        assertThat(Files.readString(dir.resolve("runs/signals.csv"))).isEqualTo(signals);
    }

    @Test
    void aStopBetweenTheSetupAndItsSignalRowIsCompletedWithoutASecondSetup() throws IOException {
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();
        String signals = Files.readString(dir.resolve("runs/signals.csv"));
        String features = Files.readString(dir.resolve("runs/features_at_signal.csv"));
        Files.delete(dir.resolve("runs/signals.csv"));
        Files.delete(dir.resolve("runs/features_at_signal.csv"));
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();
        // The record is the one an uninterrupted run writes, reason included.
        assertThat(Files.readString(dir.resolve("runs/signals.csv"))).isEqualTo(signals);
        assertThat(Files.readString(dir.resolve("runs/features_at_signal.csv"))).isEqualTo(features);
        assertThat(store().read(SetupsFile.SCHEMA)).hasSize(1);
        assertThat(store().read(SignalsFile.SCHEMA)).singleElement()
                .satisfies(s -> assertThat(s.decision().setupId())
                        .contains(store().read(SetupsFile.SCHEMA).get(0).id()));
        assertThat(store().read(FeaturesAtSignalFile.SCHEMA)).hasSize(1);
    }

    @Test
    void aBootstrapPublicationKilledBeforeItsLogEntryGetsItAtTheNextStart() throws IOException {
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();
        Path log = dir.resolve("runs/recalibration_log.json");
        String logged = Files.readString(log);
        assertThat(logged).contains("BTCUSDT_4h").contains("bootstrap");
        Files.writeString(log, "{}\n");
        assertThat(run("MIN_CONF_ARM=0.5\nGATE_REGIME=0\n", NOW)).isZero();
        assertThat(Files.readString(log)).isEqualTo(logged);
    }

    @Test
    void theConfidenceGateBlocksWithItsReasonAndNoSetup() throws IOException {
        assertThat(run("MIN_CONF_4H=0.99\n", NOW)).isZero();
        assertThat(store().read(SignalsFile.SCHEMA)).singleElement().satisfies(s -> {
            assertThat(s.decision().code()).isEqualTo("blocked:confidence");
            assertThat(s.reason()).contains("0.99");
            assertThat(s.decision().setupId()).isEmpty();
        });
        assertThat(Files.exists(dir.resolve("runs/setups.csv"))).isFalse();
    }

    @Test
    void anIntervalShorterThanOneHourIsAConfigurationError() throws IOException {
        assertThat(run("ALPHA12_AUTOSIGNAL_INTERVALS=15m\n", NOW)).isEqualTo(ConfigException.EXIT_CODE);
        assertThat(lastErr).contains("ALPHA12_AUTOSIGNAL_INTERVALS=15m").contains("1h");
        assertThat(Files.exists(dir.resolve("runs/signals.csv"))).isFalse();
    }
}
