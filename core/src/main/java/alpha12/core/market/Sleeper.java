package alpha12.core.market;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while: injected into the Binance client so tests can observe its back-offs without waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps (at least the duration asked for). */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
