package alpha12.backgroundanalysis;

import alpha12.core.analysis.TimeframeAnalysis;
import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.Publication;
import alpha12.core.model.publish.PublishedModel;
import alpha12.core.model.training.TrainingException;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.validation.ValidationMetrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code train}: trains one asset/interval now, publishes it with reason {@code manual}, prints its metrics. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train, validate (walk-forward) and publish one timeframe model with reason manual.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TimeframeOptions timeframe;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws TrainingException {
        timeframe.interval();
        Alpha12Runtime runtime = Alpha12Runtime.startCommand(BackgroundAnalysisMain.PROGRAM, common);
        TimeframeAnalysis analysis = BackgroundAnalysisDaemon.analyzer(runtime)
                .analyze(timeframe.history(runtime));
        PublishedModel published = new ModelStore(runtime.store()).publish(analysis.timeframe(),
                analysis.training(), Publication.manual());
        print(spec.commandLine().getOut(), analysis, published);
        return 0;
    }

    private static void print(PrintWriter out, TimeframeAnalysis a, PublishedModel published) {
        TrainingResult t = a.training();
        ValidationMetrics v = t.validation();
        out.printf(Locale.ROOT, "%s %s: %d labelled rows (%s .. %s), %d walk-forward folds (%d skipped)%n",
                a.asset(), a.series().interval(), t.samples(), t.dataStart(), t.dataEnd(), v.folds(), v.skippedFolds());
        String row = "  %-26s %8s%n";
        out.printf(Locale.ROOT, row, "out-of-fold accuracy", f(v.accuracy()));
        out.printf(Locale.ROOT, row, "out-of-fold precision", f(v.precision()));
        out.printf(Locale.ROOT, row, "out-of-fold recall", f(v.recall()));
        out.printf(Locale.ROOT, row, "out-of-fold F1", f(v.f1()));
        out.printf(Locale.ROOT, row, "out-of-fold ROC AUC", f(v.rocAuc()));
        out.printf(Locale.ROOT, row, "Brier (base rate)", f(v.brier()) + " (" + f(v.brierBaseline()) + ")");
        out.printf(Locale.ROOT, row, "log loss", f(v.logLoss()));
        out.printf(Locale.ROOT, row, "calibration error (ECE)", f(v.ece()));
        out.printf(Locale.ROOT, row, "in-sample accuracy", f(t.trainAccuracy()));
        out.printf(Locale.ROOT, row, "label 1 share (win_rate)", f(t.positiveRate()));
        out.printf(Locale.ROOT, "  top features: %s%n", String.join(", ", t.topFeatureNames()));
        out.printf(Locale.ROOT, "  p(up) of the last closed bar %s: %s%n", a.latest().openTime(),
                f(a.latestProbability()));
        out.printf(Locale.ROOT, "published (manual) to %s%n", published.folder());
        out.flush();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
