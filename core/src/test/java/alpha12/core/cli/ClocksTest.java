package alpha12.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClocksTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant DATA_END = Instant.parse("2024-04-01T00:00:00Z");

    @Test
    void onceWithNowIsFixedAtThatInstantInUtc() {
        Clock clock = Clocks.resolve(Optional.of(NOW), Optional.of(DATA_END), true);

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void anOfflineSourceWithoutNowRunsAtTheEndOfItsData() {
        assertThat(Clocks.resolve(Optional.empty(), Optional.of(DATA_END), true).instant()).isEqualTo(DATA_END);
    }

    @Test
    void aLoopingDaemonWithNowTicksOnFromIt() {
        Instant start = Instant.now();
        Clock clock = Clocks.resolve(Optional.of(NOW), Optional.empty(), false);
        Instant simulated = clock.instant();
        Duration elapsed = Duration.between(start, Instant.now());

        assertThat(simulated).isBetween(NOW, NOW.plus(elapsed).plusSeconds(1));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void withoutNowOrOfflineDataItIsTheSystemClockInUtc() {
        assertThat(Clocks.resolve(Optional.empty(), Optional.empty(), true)).isEqualTo(Clock.systemUTC());
    }
}
