package alpha12.backgroundanalysis;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.config.Config;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.Publication;
import alpha12.core.model.publish.RecalibrationLog;
import alpha12.core.monitor.PerformanceMonitor;
import alpha12.core.monitor.TimeframeReport;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.FeatureSnapshot;
import alpha12.core.runs.Heartbeat;
import alpha12.core.runs.PerformanceMetricsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of the background analysis: every asset × interval with a new closed candle since its last
 * analysis is analysed (features, label, walk-forward validated model), written down (one
 * background_analysis.csv row), published when due and marked done by its feature snapshot; every
 * {@code ALPHA12_PERF_MONITOR_FREQ} cycles the performance monitor judges the live trades. A failing
 * asset/interval is logged and skipped; the others go on.
 */
final class AnalysisCycle {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisCycle.class);

    private final Config config;
    private final RunsStore store;
    private final Clock clock;
    private final TimeframeAnalyzer analyzer;
    private final ModelStore models;
    private final Publisher publisher;
    private final PerformanceMonitor monitor;
    /** Per timeframe: open time of the last bar analysed. */
    private final Map<Timeframe, Long> analysed = new HashMap<>();
    /** Read on the first need (a key's first analysis after a start), then updated by each append. */
    private Map<Timeframe, AnalysisRow> lastRows;
    private final boolean resume;
    private int cycles;

    /**
     * @param resume whether a candle already analysed by an earlier run (its feature snapshot is the last
     *               line of the key's snapshots file) is left alone — the daemon after a restart; {@code --once}
     *               analyses every interval regardless
     */
    AnalysisCycle(Config config, RunsStore store, Clock clock, TimeframeAnalyzer analyzer, ModelStore models,
                  boolean resume) {
        this.resume = resume;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.analyzer = analyzer;
        this.models = models;
        this.publisher = new Publisher(models, config.analysis(), clock);
        this.monitor = new PerformanceMonitor(config.monitor(), clock);
    }

    /** Runs one cycle; the outcome of each asset × interval, in order. */
    List<TimeframeOutcome> run() {
        Heartbeat.BACKGROUND_ANALYSIS.write(store);
        if (cycles == 0) {
            reconcileLogs();
        }
        List<TimeframeOutcome> outcomes = new ArrayList<>();
        for (String asset : config.symbols()) {
            for (Interval interval : config.analysis().intervals()) {
                outcomes.add(analyse(new Timeframe(asset, interval)));
            }
        }
        if (cycles++ % config.analysis().perfMonitorFreq() == 0) {
            runMonitor();
        }
        return outcomes;
    }

    private TimeframeOutcome analyse(Timeframe timeframe) {
        Interval interval = timeframe.interval();
        long started = System.nanoTime();
        long lastClosed = interval.lastClosedOpen(clock.instant()).toEpochMilli();
        Long done = analysed.get(timeframe);
        boolean firstSinceStart = done == null && resume;
        Optional<FeatureSnapshot> lastSnapshot = Optional.empty();
        if (firstSinceStart) {
            lastSnapshot = store.readLastJsonLine(FeatureSnapshot.file(timeframe), FeatureSnapshot.class);
            done = lastSnapshot.map(snapshot -> snapshot.barOpenTime().toEpochMilli()).orElse(null);
        }
        if (done != null && done >= lastClosed) {
            return TimeframeOutcome.skipped(timeframe, "no new closed candle");
        }
        try {
            KlineSeries series = analyzer.history(timeframe);
            if (series.size() > 0 && done != null && series.openTime()[series.size() - 1] <= done) {
                return TimeframeOutcome.skipped(timeframe, "no new candle in the data yet");
            }
            TimeframeAnalysis analysis = analyzer.analyze(series);
            Instant now = clock.instant();
            AnalysisRow row = AnalysisRow.of(analysis.training(), timeframe, now);
            // The snapshot marks the candle analysed (a restart resumes after it), so it is written last; a
            // stop before it repeats this analysis, which the steps before it tolerate: the same row is not
            // appended twice, and a publication that completed is no longer due.
            if (!firstSinceStart || !repeatsLastRow(timeframe, row, lastSnapshot.map(FeatureSnapshot::timestamp))) {
                store.append(BackgroundAnalysisFile.SCHEMA, row);
                if (lastRows != null) {
                    lastRows.put(timeframe, row);
                }
            }
            Optional<Publication> due = publisher.due(timeframe);
            due.ifPresent(p -> models.publish(timeframe, analysis.training(), p));
            store.appendJsonLine(FeatureSnapshot.file(timeframe), FeatureSnapshot.of(analysis, now));
            analysed.put(timeframe, series.openTime()[series.size() - 1]);
            return TimeframeOutcome.analysed(analysis, due.map(p -> p.reason().code()),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            LOG.warn("{}: analysis failed, skipped this cycle: {}", timeframe, e.getMessage());
            LOG.debug("{}: analysis failure", timeframe, e);
            return TimeframeOutcome.failed(timeframe, e.getMessage());
        }
    }

    /** A publication killed before its recalibration_log.json entry gets it now (see ModelStore#reconcileLog). */
    private void reconcileLogs() {
        for (String asset : config.symbols()) {
            for (Interval interval : config.analysis().intervals()) {
                try {
                    models.reconcileLog(new Timeframe(asset, interval));
                } catch (RuntimeException e) {
                    LOG.warn("{} {}: cannot check {}: {}", asset, interval, RecalibrationLog.FILE, e.getMessage());
                }
            }
        }
    }

    /**
     * Whether {@code row} repeats an analysis stopped between its row and its snapshot: the key's last row
     * was written after its last snapshot (or there is none) and equals {@code row} but for the time it was
     * written. Only asked for a key's first analysis after a start (or after a failed one).
     */
    private boolean repeatsLastRow(Timeframe timeframe, AnalysisRow row, Optional<Instant> lastSnapshot) {
        return Optional.ofNullable(lastRows().get(timeframe))
                .filter(last -> lastSnapshot.map(last.timestamp()::isAfter).orElse(true))
                .map(last -> last.equals(row.at(last.timestamp())))
                .orElse(false);
    }

    /** The last background_analysis.csv row of each asset and interval: read once, then kept up to date. */
    private Map<Timeframe, AnalysisRow> lastRows() {
        if (lastRows == null) {
            lastRows = new HashMap<>();
            for (AnalysisRow r : store.read(BackgroundAnalysisFile.SCHEMA)) {
                lastRows.put(r.timeframe(), r);
            }
        }
        return lastRows;
    }

    /** Judges the live trades; retrains and publishes the degraded timeframes past their cooldown. */
    List<TimeframeReport> runMonitor() {
        List<TimeframeReport> reports = monitor.run(config.symbols(), config.analysis().intervals(),
                store.read(TradeHistoryFile.SCHEMA),
                this::lastPublication,
                metrics -> models.publish(metrics.timeframe(), analyzer.analyze(metrics.timeframe()).training(),
                        Publication.performanceDegradation(metrics.winRate(), metrics.profitFactor())));
        PerformanceMetricsFile.write(store, reports);
        return reports;
    }

    private Optional<Instant> lastPublication(Timeframe timeframe) {
        return RecalibrationLog.last(store, timeframe).map(RecalibrationLog.Entry::lastRecalibration);
    }
}
