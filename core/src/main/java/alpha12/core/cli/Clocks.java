package alpha12.core.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The clock a daemon runs on. {@code --now} makes everything behave as if it were that instant: fixed
 * for {@code --once}, ticking on from it otherwise. An offline source without {@code --now} runs at the
 * close of the last bar in its data. Otherwise the system clock, in UTC.
 */
public final class Clocks {

    private Clocks() {
    }

    public static Clock resolve(Optional<Instant> now, Optional<Instant> dataEnd, boolean once) {
        Optional<Instant> start = now.or(() -> dataEnd);
        if (start.isEmpty()) {
            return Clock.systemUTC();
        }
        if (once) {
            return Clock.fixed(start.get(), ZoneOffset.UTC);
        }
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.get()));
    }
}
