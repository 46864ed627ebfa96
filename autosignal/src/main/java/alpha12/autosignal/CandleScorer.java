package alpha12.autosignal;

import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.features.AverageTrueRange;
import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureRow;
import alpha12.core.features.FeatureSet;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.model.training.TrainingException;
import alpha12.core.runs.FeaturesAtSignalFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Direction;
import alpha12.core.trading.FeaturesAtSignal;
import alpha12.core.trading.GateDecision;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupGates;
import alpha12.core.trading.SetupPlanner;
import alpha12.core.trading.SignalDecision;
import alpha12.core.trading.SignalRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the candle of one asset and interval that closed at {@code candleClose}: the 44 features of that
 * closed bar, the timeframe model's calibrated probability, the gates, and — when every gate passes — a
 * setup. Writes, in this order, the setup, the signals.csv row and the features_at_signal.csv row, each
 * only if that candle has none yet, so scoring a candle again (a restart) adds nothing.
 */
final class CandleScorer {

    private static final Logger LOG = LoggerFactory.getLogger(CandleScorer.class);
    private static final String ALL_PASSED = "all gates passed";

    /** What scoring a candle came to. */
    enum Result { SETUP, BLOCKED, ALREADY_SCORED, NOT_YET_AVAILABLE }

    private final RunsStore store;
    private final TimeframeAnalyzer analyzer;
    private final TimeframeModels models;
    private final SetupPlanner planner;
    private final SetupGates gates;

    CandleScorer(RunsStore store, TimeframeAnalyzer analyzer, TimeframeModels models, SetupPlanner planner,
                 SetupGates gates) {
        this.store = store;
        this.analyzer = analyzer;
        this.models = models;
        this.planner = planner;
        this.gates = gates;
    }

    Result score(Timeframe timeframe, Instant candleClose) throws TrainingException {
        String asset = timeframe.asset();
        Interval interval = timeframe.interval();
        Instant barOpen = candleClose.minus(interval.duration());
        Optional<SignalRecord> signalled = store.read(SignalsFile.SCHEMA).stream().filter(s -> s.asset().equals(asset)
                && s.interval() == interval && s.ts().equals(barOpen)).findFirst();
        boolean featuresWritten = store.read(FeaturesAtSignalFile.SCHEMA).stream().anyMatch(f ->
                f.asset().equals(asset) && f.interval() == interval && f.ts().equals(barOpen));
        if (signalled.isPresent() && featuresWritten) {
            return Result.ALREADY_SCORED;
        }
        KlineSeries series = analyzer.history(timeframe);
        int last = series.size() - 1;
        if (last < 0 || series.openTime()[last] != barOpen.toEpochMilli()) {
            LOG.info("{} {}: the candle closing at {} is not in the data yet", asset, interval, candleClose);
            return Result.NOT_YET_AVAILABLE;
        }
        FeatureMatrix features = FeatureSet.compute(series);
        FeatureRow row = features.latest().filter(r -> r.openTime().equals(barOpen)).orElseThrow(() ->
                new TrainingException(asset + " " + interval + ": " + series.size() + " bars are too few for the "
                        + "feature warm-up"));
        if (signalled.isPresent()) { // a stop came between the two rows: complete the candle's record
            store.append(FeaturesAtSignalFile.SCHEMA,
                    new FeaturesAtSignal(barOpen, asset, interval, signalled.get().decision().setupId(), row.values()));
            return result(signalled.get().decision());
        }
        double p = models.get(timeframe).probability(row.values());
        Direction direction = p >= 0.5 ? Direction.LONG : Direction.SHORT;
        double confidence = Math.max(p, 1.0 - p);
        double close = series.close()[last];
        double atr = AverageTrueRange.of(series, 14)[last];
        Setup candidate = planner.plan(timeframe, direction, confidence, candleClose, close, atr);

        Decided decided = decide(candidate, series.close());
        SignalDecision decision = decided.decision();
        store.append(SignalsFile.SCHEMA, new SignalRecord(barOpen, asset, interval, direction, confidence, p, 1.0 - p,
                close, decision, decided.reason()));
        store.append(FeaturesAtSignalFile.SCHEMA,
                new FeaturesAtSignal(barOpen, asset, interval, decision.setupId(), row.values()));
        LOG.info("{} {} candle {}: p(up) {} → {} {} ({})", asset, interval, barOpen, String.format("%.4f", p),
                direction, decision.code(), decided.reason());
        return result(decision);
    }

    private static Result result(SignalDecision decision) {
        return decision instanceof SignalDecision.SetupMade ? Result.SETUP : Result.BLOCKED;
    }

    private record Decided(SignalDecision decision, String reason) {
    }

    /** Gates and, when they pass, the new setup — under setups.csv's lock, so the checks see every setup. */
    private Decided decide(Setup candidate, double[] closes) {
        return store.locked(SetupsFile.NAME, () -> {
            List<Setup> existing = store.read(SetupsFile.SCHEMA);
            Optional<Setup> earlier = existing.stream().filter(s -> s.id().equals(candidate.id())).findFirst();
            if (earlier.isPresent()) {
                // A stop came between the setup and its signals row: record the candle as that run would have.
                LOG.info("{}: setup written by an earlier run for this candle; recording its signal", candidate.id());
                return new Decided(new SignalDecision.SetupMade(earlier.get().id()), ALL_PASSED);
            }
            List<GateDecision> decisions = gates.evaluate(candidate, closes, existing);
            GateDecision last = decisions.get(decisions.size() - 1);
            if (!SetupGates.allPassed(decisions)) {
                return new Decided(new SignalDecision.Blocked(last.gate()), last.reason());
            }
            store.append(SetupsFile.SCHEMA, candidate);
            return new Decided(new SignalDecision.SetupMade(candidate.id()), ALL_PASSED);
        });
    }
}
