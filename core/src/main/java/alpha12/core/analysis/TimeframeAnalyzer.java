package alpha12.core.analysis;

import alpha12.core.config.AnalysisSettings;
import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureRow;
import alpha12.core.features.FeatureSet;
import alpha12.core.label.LabelSettings;
import alpha12.core.label.LabelledRows;
import alpha12.core.label.TripleBarrierLabel;
import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.KlineSource;
import alpha12.core.market.Timeframe;
import alpha12.core.model.training.ModelTrainer;
import alpha12.core.model.training.TrainingException;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.TrainingSet;
import java.time.Clock;
import java.time.Instant;

/**
 * From klines to a trained, validated model for one asset and timeframe: fetch the history (closed bars
 * only), compute the 44 features and the triple-barrier label, train on the rows whose label horizon is
 * complete, and score the last closed bar. Used by the background analysis and, to bootstrap a missing
 * model, by autosignal.
 */
public final class TimeframeAnalyzer {

    private final KlineSource source;
    private final AnalysisSettings analysis;
    private final LabelSettings label;
    private final ModelTrainer trainer;
    private final Clock clock;

    public TimeframeAnalyzer(KlineSource source, AnalysisSettings analysis, LabelSettings label, ModelTrainer trainer,
                             Clock clock) {
        this.source = source;
        this.analysis = analysis;
        this.label = label;
        this.trainer = trainer;
        this.clock = clock;
    }

    /** The closed klines an analysis of {@code interval} uses now. */
    public KlineSeries history(Timeframe timeframe) {
        Instant now = clock.instant();
        Interval interval = timeframe.interval();
        Instant from = analysis.historyStart(interval, label.horizonBars(), now);
        return KlineSeries.of(timeframe.asset(), interval, source.closedKlines(timeframe.asset(), interval, from, now));
    }

    /**
     * @throws TrainingException when there are too few labelled rows (fewer than the interval's minimum) or
     *         the data cannot train a classifier
     */
    public TimeframeAnalysis analyze(Timeframe timeframe) throws TrainingException {
        return analyze(history(timeframe));
    }

    public TimeframeAnalysis analyze(KlineSeries series) throws TrainingException {
        FeatureMatrix features = FeatureSet.compute(series);
        LabelledRows rows = LabelledRows.of(features, TripleBarrierLabel.compute(series, label));
        int minimum = AnalysisSettings.minRows(series.interval());
        if (rows.size() < minimum) {
            throw new TrainingException(series.symbol() + " " + series.interval() + ": " + rows.size()
                    + " labelled rows from " + series.size() + " closed bars, fewer than the " + minimum
                    + " this interval needs");
        }
        FeatureRow latest = features.latest().orElseThrow(() -> new TrainingException(series.symbol() + " "
                + series.interval() + ": no closed bar past the feature warm-up to score"));
        TrainingResult training = trainer.train(new TrainingSet(rows.x(), rows.y(), rows.openTimes(), label));
        return new TimeframeAnalysis(series, features, training, latest,
                training.model().probability(latest.values()));
    }
}
