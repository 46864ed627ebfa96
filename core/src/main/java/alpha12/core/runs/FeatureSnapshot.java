package alpha12.core.runs;

import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.features.FeatureNames;
import alpha12.core.market.Timeframe;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code runs/feature_snapshots/<ASSET>_<INTERVAL>_snapshots.jsonl}: the 44 named features of
 * the last closed bar and the model's calibrated probability for it. That bar has no label yet, so
 * none is written.
 */
public record FeatureSnapshot(
        String asset,
        String interval,
        Instant timestamp,
        @JsonProperty("bar_open_time") Instant barOpenTime,
        Map<String, Double> features,
        @JsonProperty("prob_up") double probUp,
        @JsonProperty("setup_generated") boolean setupGenerated,
        String source) {

    public static String file(Timeframe timeframe) {
        return "feature_snapshots/" + timeframe.key() + "_snapshots.jsonl";
    }

    public static FeatureSnapshot of(TimeframeAnalysis a, Instant timestamp) {
        Map<String, Double> named = new LinkedHashMap<>();
        double[] values = a.latest().values();
        for (int i = 0; i < values.length; i++) {
            named.put(FeatureNames.ALL.get(i), values[i]);
        }
        return new FeatureSnapshot(a.asset(), a.series().interval().code(), timestamp, a.latest().openTime(), named,
                a.latestProbability(), false, "background_analysis");
    }
}
