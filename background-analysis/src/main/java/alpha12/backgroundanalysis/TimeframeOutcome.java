package alpha12.backgroundanalysis;

import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.market.Interval;
import java.time.Duration;
import java.util.Optional;

/** What a cycle did with one asset × interval: analysed (and maybe published), skipped, or failed. */
record TimeframeOutcome(String asset, Interval interval, Optional<TimeframeAnalysis> analysis,
                        Optional<String> published, Duration took, String note) {

    static TimeframeOutcome analysed(TimeframeAnalysis a, Optional<String> published, Duration took) {
        return new TimeframeOutcome(a.asset(), a.series().interval(), Optional.of(a), published, took, "");
    }

    static TimeframeOutcome skipped(String asset, Interval interval, String why) {
        return new TimeframeOutcome(asset, interval, Optional.empty(), Optional.empty(), Duration.ZERO, why);
    }

    static TimeframeOutcome failed(String asset, Interval interval, String why) {
        return new TimeframeOutcome(asset, interval, Optional.empty(), Optional.empty(), Duration.ZERO,
                "FAILED: " + why);
    }
}
