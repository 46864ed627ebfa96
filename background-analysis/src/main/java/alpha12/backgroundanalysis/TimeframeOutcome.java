package alpha12.backgroundanalysis;

import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.market.Timeframe;
import java.time.Duration;
import java.util.Optional;

/** What a cycle did with one asset × interval: analysed (and maybe published), skipped, or failed. */
record TimeframeOutcome(Timeframe timeframe, Optional<TimeframeAnalysis> analysis,
                        Optional<String> published, Duration took, String note) {

    static TimeframeOutcome analysed(TimeframeAnalysis a, Optional<String> published, Duration took) {
        return new TimeframeOutcome(a.timeframe(), Optional.of(a), published, took, "");
    }

    static TimeframeOutcome skipped(Timeframe timeframe, String why) {
        return new TimeframeOutcome(timeframe, Optional.empty(), Optional.empty(), Duration.ZERO, why);
    }

    static TimeframeOutcome failed(Timeframe timeframe, String why) {
        return new TimeframeOutcome(timeframe, Optional.empty(), Optional.empty(), Duration.ZERO,
                "FAILED: " + why);
    }
}
