package alpha12.backgroundanalysis;

import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.market.Timeframe;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.validation.ValidationMetrics;
import java.util.List;
import java.util.Locale;

/** The per-interval summary a cycle prints: honest out-of-fold numbers next to the in-sample accuracy. */
final class SummaryTable {

    private static final String ROW = "%-8s %-4s %6s %7s %8s %7s %7s %7s %7s %6s %-16s %s%n";

    private SummaryTable() {
    }

    static String render(List<TimeframeOutcome> outcomes) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "asset", "tf", "bars", "samples",
                "win_rate", "cv_acc", "cv_auc", "brier", "train", "p(up)", "published", "time / note"));
        for (TimeframeOutcome o : outcomes) {
            Timeframe tf = o.timeframe();
            if (o.analysis().isEmpty()) {
                out.append(String.format(Locale.ROOT, ROW, tf.asset(), tf.interval(), "-", "-", "-", "-", "-", "-", "-",
                        "-", "-", o.note()));
                continue;
            }
            TimeframeAnalysis a = o.analysis().get();
            TrainingResult t = a.training();
            ValidationMetrics v = t.validation();
            out.append(String.format(Locale.ROOT, ROW, tf.asset(), tf.interval(), a.series().size(), t.samples(),
                    f(t.positiveRate()), f(v.accuracy()), f(v.rocAuc()), f(v.brier()), f(t.trainAccuracy()),
                    f(a.latestProbability()), o.published().orElse("-"),
                    String.format(Locale.ROOT, "%.1f s", o.took().toMillis() / 1000.0)));
        }
        return out.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
