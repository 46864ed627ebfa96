package alpha12.autosignal;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.SteppingClock;
import alpha12.core.config.CliOverrides;
import alpha12.core.config.Config;
import alpha12.core.config.ConfigLoader;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSource;
import alpha12.core.market.MarketDataException;
import alpha12.core.runs.SignalsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.testing.InMemoryKlineSource;
import alpha12.core.trading.SignalRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autosignal loop in a short replay, on a source that fails the way an exchange does. */
class AutosignalDaemonTest {

    /** A 1h candle close inside the bundled sample. */
    private static final Instant CLOSE = Instant.parse("2024-03-12T08:00:00Z");

    @TempDir
    Path dir;

    /** The sample, unreachable for the first {@code failures} calls (each as the Binance client gives up). */
    private static final class UnreachableAtFirst implements KlineSource {
        private final KlineSource sample = InMemoryKlineSource.sample(Interval.H1);
        private int failures;

        UnreachableAtFirst(int failures) {
            this.failures = failures;
        }

        @Override
        public List<Kline> closedKlines(String symbol, Interval interval, Instant from, Instant now) {
            if (failures-- > 0) {
                throw new MarketDataException("binance " + symbol + " " + interval + " klines: HTTP 503 (code -1001 "
                        + "Internal error); gave up after 5 attempts");
            }
            return sample.closedKlines(symbol, interval, from, now);
        }

        @Override
        public String name() {
            return "flaky sample";
        }
    }

    private int replay(KlineSource source, Instant from, Instant to) {
        Config config = ConfigLoader.load(Map.of("ALPHA12_AUTOSIGNAL_INTERVALS", "1h", "ALPHA12_RF_TREES", "20",
                "ALPHA12_ANALYSIS_DAYS", "20", "MIN_CONF_ARM", "0.5", "GATE_REGIME", "0"), Optional.empty(),
                CliOverrides.NONE).config();
        SteppingClock clock = new SteppingClock(from);
        Alpha12Runtime runtime = new Alpha12Runtime(AutosignalMain.PROGRAM, config, clock,
                new RunsStore(dir.resolve("runs"), clock), source, Optional.of(to));
        return new AutosignalDaemon(runtime).run(false);
    }

    @Test
    void aCandleWhoseKlinesCannotBeFetchedIsAskedForAgainUntilTheExchangeAnswers() {
        Instant wake = CLOSE.plus(AutosignalDaemon.AFTER_CLOSE);

        assertThat(replay(new UnreachableAtFirst(2), wake, CLOSE.plus(Duration.ofMinutes(10)))).isZero();

        List<SignalRecord> signals = new RunsStore(dir.resolve("runs"), java.time.Clock.systemUTC())
                .read(SignalsFile.SCHEMA);
        assertThat(signals).singleElement()
                .satisfies(s -> assertThat(s.ts()).isEqualTo(CLOSE.minus(Duration.ofHours(1))));
    }

    @Test
    void startedRightAtACloseItScoresThatCandleOnceItIsDueNotOnlyTheNextOne() {
        // a replay's clock jumps to the next wake: started 0 s after a close, the wake is 5 s later
        assertThat(replay(InMemoryKlineSource.sample(Interval.H1), CLOSE, CLOSE.plus(Duration.ofMinutes(90))))
                .isZero();

        assertThat(new RunsStore(dir.resolve("runs"), java.time.Clock.systemUTC()).read(SignalsFile.SCHEMA))
                .extracting(SignalRecord::ts).containsExactly(CLOSE.minus(Duration.ofHours(1)), CLOSE);
    }

    @Test
    void aCandleStillUnreachableAfterAQuarterOfItsIntervalIsGivenUp() {
        Instant wake = CLOSE.plus(AutosignalDaemon.AFTER_CLOSE);
        UnreachableAtFirst source = new UnreachableAtFirst(Integer.MAX_VALUE);

        assertThat(replay(source, wake, CLOSE.plus(Duration.ofMinutes(50)))).isZero();

        // one try at the wake, then one every 20 s until 15 minutes past the close, then no more
        long tries = (long) Integer.MAX_VALUE - source.failures;
        assertThat(tries).isEqualTo(1 + Duration.ofMinutes(15).minus(AutosignalDaemon.AFTER_CLOSE).getSeconds()
                / AutosignalDaemon.RETRY_MISSING.getSeconds() + 1);
        assertThat(dir.resolve("runs/signals.csv")).doesNotExist();
    }
}
