package alpha12.core.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a daemon loop waits between cycles: live, it sleeps (waking early on SIGTERM); in a replay
 * ({@code --replay-to}), it advances the simulated clock by the same amount instead, and ends the loop once
 * the clock passes the replay's end.
 */
public final class Pacer {

    private final GracefulShutdown shutdown;
    private final Optional<SteppingClock> replayClock;
    private final Optional<Instant> replayTo;

    Pacer(GracefulShutdown shutdown, Optional<SteppingClock> replayClock, Optional<Instant> replayTo) {
        this.shutdown = shutdown;
        this.replayClock = replayClock;
        this.replayTo = replayTo;
    }

    /** A pacer for {@code runtime}'s loop; installs the SIGTERM hook. */
    public static Pacer install(Alpha12Runtime runtime) {
        GracefulShutdown shutdown = GracefulShutdown.install(runtime.program());
        Optional<SteppingClock> clock = runtime.clock() instanceof SteppingClock s ? Optional.of(s) : Optional.empty();
        return new Pacer(shutdown, clock, runtime.replayTo());
    }

    /**
     * Waits {@code period} minus the {@code spent} part of it the cycle already took (live) or advances the
     * clock by {@code period} (replay).
     *
     * @return true when the loop must end: a stop was requested, or the replay is over
     */
    public boolean pause(Duration period, Duration spent) {
        if (replayClock.isPresent()) {
            if (shutdown.stopRequested()) {
                return true;
            }
            replayClock.get().advance(period);
            return replayClock.get().instant().isAfter(replayTo.orElseThrow());
        }
        return shutdown.sleep(period.minus(spent));
    }

    /** True in a replay: pauses move the simulated clock. */
    public boolean replaying() {
        return replayClock.isPresent();
    }

    public boolean stopRequested() {
        return shutdown.stopRequested();
    }

    /** To be called when the loop has returned (in a finally block). */
    public void loopFinished() {
        shutdown.loopFinished();
    }
}
