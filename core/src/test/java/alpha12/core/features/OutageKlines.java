package alpha12.core.features;

import alpha12.core.market.Interval;
import alpha12.core.market.KlineSeries;
import alpha12.core.testing.TestKlines;

/** The real outage slices in src/test/resources/alpha12/features (see SOURCES.md there). */
final class OutageKlines {

    private OutageKlines() {
    }

    static KlineSeries series(String file, Interval interval) {
        return KlineSeries.of(TestKlines.SYMBOL, interval, TestKlines.resource("/alpha12/features/" + file, interval));
    }
}
