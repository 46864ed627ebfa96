package alpha12.core.analysis;

import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureRow;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.Timeframe;
import alpha12.core.model.training.TrainingResult;

/**
 * One analysis of one asset and timeframe: the closed klines it used, their features, the trained and
 * validated model, and the last closed bar's features with that model's calibrated probability — a bar
 * the model was never trained on (its label horizon has not passed).
 */
public record TimeframeAnalysis(KlineSeries series, FeatureMatrix features, TrainingResult training,
                                FeatureRow latest, double latestProbability) {

    public String asset() {
        return series.symbol();
    }

    public Timeframe timeframe() {
        return new Timeframe(series.symbol(), series.interval());
    }
}
