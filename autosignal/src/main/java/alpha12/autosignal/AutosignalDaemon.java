package alpha12.autosignal;

import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.Pacer;
import alpha12.core.config.Config;
import alpha12.core.market.Interval;
import alpha12.core.market.MarketDataException;
import alpha12.core.market.RequestRefusedException;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.training.ModelTrainer;
import alpha12.core.runs.Heartbeat;
import alpha12.core.trading.SetupGates;
import alpha12.core.trading.SetupPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autosignal loop: for each configured interval (1h and longer) it wakes a few seconds after each
 * candle close and scores the candle that just closed, for every asset. At start, and after downtime,
 * only the latest closed candle is scored — old candles are never back-filled. A candle the exchange has
 * not served yet, or whose klines could not be fetched (the client's retries used up), is asked for again
 * every {@link #RETRY_MISSING} until a quarter of its interval has passed; one the source refused for good
 * (an unknown symbol: {@link RequestRefusedException}) is one warning and is not asked for again. The
 * heartbeat is written at every wake and at least once a minute while it waits.
 */
final class AutosignalDaemon {

    /** How long after a candle's close it is scored: Binance serves the closed candle within a second. */
    static final Duration AFTER_CLOSE = Duration.ofSeconds(5);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(60);
    /** How long to wait before asking again for a candle the exchange has not served (or could not). */
    static final Duration RETRY_MISSING = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(AutosignalDaemon.class);

    private final Alpha12Runtime runtime;
    private final Clock clock;
    private final ModelStore models;
    private final CandleScorer scorer;
    private final List<Interval> intervals;
    /** Per interval: the close of the last candle scored (or given up on). */
    private final Map<Interval, Instant> done = new HashMap<>();

    AutosignalDaemon(Alpha12Runtime runtime) {
        this.runtime = runtime;
        this.clock = runtime.clock();
        Config config = runtime.config();
        TimeframeAnalyzer analyzer = new TimeframeAnalyzer(runtime.source(), config.analysis(), config.label(),
                new ModelTrainer(config.training(), clock), clock);
        this.models = new ModelStore(runtime.store());
        this.scorer = new CandleScorer(runtime.store(), analyzer, new TimeframeModels(models, analyzer, config.label()),
                new SetupPlanner(config.autosignal().setup()), new SetupGates(config.autosignal().gates()));
        this.intervals = config.autosignal().intervals();
    }

    int run(boolean once) {
        Pacer pacer = Pacer.install(runtime);
        try {
            reconcileLogs();
            while (true) {
                Heartbeat.AUTOSIGNAL.write(runtime.store());
                boolean waiting = scoreDueCandles(once);
                if (once) {
                    return 0;
                }
                Duration wait = waiting ? RETRY_MISSING : untilNextClose();
                boolean capped = !pacer.replaying() && wait.compareTo(HEARTBEAT_EVERY) > 0;
                if (pacer.pause(capped ? HEARTBEAT_EVERY : wait, Duration.ZERO)) {
                    return 0;
                }
            }
        } finally {
            pacer.loopFinished();
        }
    }

    /** A bootstrap publication killed before its recalibration_log.json entry gets it now. */
    private void reconcileLogs() {
        for (String asset : runtime.config().symbols()) {
            for (Interval interval : intervals) {
                try {
                    models.reconcileLog(new Timeframe(asset, interval));
                } catch (RuntimeException e) {
                    LOG.warn("{} {}: cannot check the recalibration log: {}", asset, interval, e.getMessage());
                }
            }
        }
    }

    /** Scores each interval's latest closed candle not yet scored; true while one is not served yet. */
    private boolean scoreDueCandles(boolean once) {
        boolean waiting = false;
        Instant now = clock.instant();
        for (Interval interval : intervals) {
            Instant close = Instant.ofEpochMilli(interval.openOf(now.toEpochMilli()));
            if (close.equals(done.get(interval)) || (!once && now.isBefore(close.plus(AFTER_CLOSE)))) {
                continue;
            }
            boolean missing = false;
            for (String asset : runtime.config().symbols()) {
                try {
                    missing |= scorer.score(new Timeframe(asset, interval), close)
                            == CandleScorer.Result.NOT_YET_AVAILABLE;
                } catch (RequestRefusedException e) {
                    LOG.warn("{} {}: could not score the candle closing at {}: {}", asset, interval, close,
                            e.getMessage());
                } catch (MarketDataException e) {
                    // An exchange outage outlasting the client's retries: the candle is still worth its signal.
                    LOG.warn("{} {}: could not fetch the candle closing at {}, asking again in {} s: {}", asset,
                            interval, close, RETRY_MISSING.toSeconds(), e.getMessage());
                    missing = true;
                } catch (Exception e) {
                    LOG.warn("{} {}: could not score the candle closing at {}: {}", asset, interval, close,
                            e.getMessage());
                }
            }
            boolean giveUp = now.isAfter(close.plus(interval.duration().dividedBy(4)));
            if (!missing || giveUp || once) {
                done.put(interval, close);
            } else {
                waiting = true;
            }
        }
        return waiting;
    }

    /** Until the next wake: a candle closed under {@link #AFTER_CLOSE} ago and not scored yet, else the next close. */
    private Duration untilNextClose() {
        Instant now = clock.instant();
        Instant next = intervals.stream().map(i -> {
            Instant lastClose = Instant.ofEpochMilli(i.openOf(now.toEpochMilli()));
            if (!lastClose.equals(done.get(i)) && now.isBefore(lastClose.plus(AFTER_CLOSE))) {
                return lastClose.plus(AFTER_CLOSE);
            }
            return Instant.ofEpochMilli(i.closeOf(i.openOf(now.toEpochMilli()))).plus(AFTER_CLOSE);
        }).min(Instant::compareTo).orElseThrow();
        return Duration.between(now, next);
    }
}
