package alpha12.tracker;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.Pacer;
import alpha12.core.runs.Heartbeat;
import alpha12.core.trading.Setup;
import alpha12.core.trading.TradeRecord;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tracker's loop: heartbeat, poll, sleep {@code ALPHA12_SLEEP} seconds from the poll's start. */
final class TrackerDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerDaemon.class);

    private final Alpha12Runtime runtime;
    private final TrackerCycle cycle;

    TrackerDaemon(Alpha12Runtime runtime) {
        this.runtime = runtime;
        this.cycle = new TrackerCycle(runtime.store(), runtime.source(), runtime.clock(),
                runtime.config().tracker().feesBpsPerSide());
    }

    int run(boolean once) {
        Pacer pacer = Pacer.install(runtime);
        Duration sleep = runtime.config().tracker().sleep();
        try {
            while (true) {
                long started = System.nanoTime();
                Heartbeat.TRACKER.write(runtime.store());
                try {
                    report(cycle.poll());
                } catch (RuntimeException e) {
                    LOG.error("poll failed, retrying in {} s: {}", sleep.toSeconds(), e.getMessage(), e);
                }
                if (once || pacer.pause(sleep, Duration.ofNanos(System.nanoTime() - started))) {
                    return 0;
                }
            }
        } finally {
            pacer.loopFinished();
        }
    }

    private static void report(Commit.Result r) {
        for (Setup s : r.setupsChanged()) {
            if (s.lifecycle().status().isActive()) {
                LOG.info("{} {} {}: triggered at {} (bar {})", s.timeframe(), s.direction(), s.id(), s.levels().entry(),
                        s.lifecycle().triggerTs().map(Instant::toString).orElse("?"));
            }
        }
        for (TradeRecord t : r.tradesWritten()) {
            LOG.info("{} {} {} {}: {} at {} (pnl {}%, net {}%)", t.asset(), t.interval(), t.direction(), t.setupId(),
                    t.outcome(), Double.isNaN(t.exitPrice()) ? "-" : t.exitPrice(), round(t.pnlPct()),
                    round(t.pnlPctNet()));
        }
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
