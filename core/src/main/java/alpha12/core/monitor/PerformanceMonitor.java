package alpha12.core.monitor;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.trading.TradeRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each timeframe's live trading results against its thresholds and asks for a retrain when they
 * degraded: at least the minimum number of trades and a win rate or profit factor below threshold, and
 * the cooldown since the key's last model publication has passed. Inside the cooldown it only logs.
 */
public final class PerformanceMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceMonitor.class);

    private final MonitorSettings settings;
    private final Clock clock;

    public PerformanceMonitor(MonitorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The verdict for one key, without retraining: a degraded key past its cooldown is reported as due. */
    public TimeframeReport judge(Timeframe timeframe, List<TradeRecord> history, Optional<Instant> lastPublication) {
        Instant now = clock.instant();
        PerformanceThresholds t = settings.thresholds(timeframe.interval());
        PerformanceMetrics m = PerformanceMetrics.of(timeframe, history, settings.windowDays(), now);
        Duration left = lastPublication
                .map(p -> Duration.between(now, p.plus(t.cooldown())))
                .filter(d -> d.compareTo(Duration.ZERO) > 0)
                .orElse(Duration.ZERO);
        Verdict verdict;
        if (m.totalTrades() < t.minTrades()) {
            verdict = Verdict.INSUFFICIENT_DATA;
        } else if (!isDegraded(m, t)) {
            verdict = Verdict.HEALTHY;
        } else if (!left.isZero()) {
            verdict = Verdict.DEGRADED_IN_COOLDOWN;
        } else {
            verdict = Verdict.RETRAIN_DUE;
        }
        return new TimeframeReport(m, t, verdict, left, Optional.empty());
    }

    static boolean isDegraded(PerformanceMetrics m, PerformanceThresholds t) {
        return m.winRate() < t.winRate() || m.profitFactor() < t.profitFactor();
    }

    /**
     * Judges every asset × interval and retrains the degraded keys whose cooldown has passed.
     *
     * @param lastPublication the last model publication of a timeframe, if any
     */
    public List<TimeframeReport> run(List<String> assets, List<Interval> intervals, List<TradeRecord> history,
                                     Function<Timeframe, Optional<Instant>> lastPublication, Retrainer retrainer) {
        List<TimeframeReport> reports = new ArrayList<>();
        for (String asset : assets) {
            for (Interval interval : intervals) {
                Timeframe timeframe = new Timeframe(asset, interval);
                TimeframeReport report = judge(timeframe, history, lastPublication.apply(timeframe));
                if (report.verdict() == Verdict.RETRAIN_DUE) {
                    report = retrain(report, retrainer);
                }
                log(report);
                reports.add(report);
            }
        }
        return reports;
    }

    private static TimeframeReport retrain(TimeframeReport report, Retrainer retrainer) {
        PerformanceMetrics m = report.metrics();
        LOG.info("{}: degraded (win rate {}, profit factor {} over {} trades): retraining", report.key(),
                MonitorTable.ratio(m.winRate()), MonitorTable.ratio(m.profitFactor()), m.totalTrades());
        try {
            retrainer.retrain(m);
            return new TimeframeReport(m, report.thresholds(), Verdict.RETRAINED, report.cooldownLeft(),
                    Optional.empty());
        } catch (Exception e) {
            LOG.error("{}: performance retrain failed: {}", report.key(), e.getMessage(), e);
            return new TimeframeReport(m, report.thresholds(), Verdict.RETRAIN_FAILED, report.cooldownLeft(),
                    Optional.of(String.valueOf(e.getMessage())));
        }
    }

    private static void log(TimeframeReport r) {
        PerformanceMetrics m = r.metrics();
        switch (r.verdict()) {
            case DEGRADED_IN_COOLDOWN -> LOG.info("{}: degraded (win rate {}, profit factor {}) but in cooldown for {}",
                    r.key(), MonitorTable.ratio(m.winRate()), MonitorTable.ratio(m.profitFactor()),
                    MonitorTable.duration(r.cooldownLeft()));
            case INSUFFICIENT_DATA -> LOG.info("{}: insufficient data ({} of {} trades needed)", r.key(),
                    m.totalTrades(), r.thresholds().minTrades());
            default -> LOG.info("{}: {} ({} trades, win rate {}, profit factor {})", r.key(), r.verdict(),
                    m.totalTrades(), MonitorTable.ratio(m.winRate()), MonitorTable.ratio(m.profitFactor()));
        }
    }
}
