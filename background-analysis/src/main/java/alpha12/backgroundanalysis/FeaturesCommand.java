package alpha12.backgroundanalysis;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.config.Config;
import alpha12.core.features.FeatureMatrix;
import alpha12.core.features.FeatureSet;
import alpha12.core.label.FeatureCsv;
import alpha12.core.label.Labels;
import alpha12.core.label.TripleBarrierLabel;
import alpha12.core.market.KlineSeries;
import alpha12.core.store.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code features}: writes the 44 features (and optionally the label) of one asset and interval to a CSV,
 * one row per bar past warm-up, for research and for checking the features by hand.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write open_time and the 44 features (and the label with --with-label) of every bar past "
                + "warm-up to a CSV file.")
final class FeaturesCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TimeframeOptions timeframe;

    @Option(names = "--with-label", description = "Add the triple-barrier label (empty where its horizon is not "
            + "complete).")
    boolean withLabel;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        timeframe.interval();
        Alpha12Runtime runtime = Alpha12Runtime.startCommand(BackgroundAnalysisMain.PROGRAM, common);
        Config config = runtime.config();
        KlineSeries series = timeframe.history(runtime);
        FeatureMatrix features = FeatureSet.compute(series);
        Path target = out.toAbsolutePath();
        Optional<Labels> labels = withLabel ? Optional.of(TripleBarrierLabel.compute(series, config.label()))
                : Optional.empty();
        AtomicFiles.replace(target, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            FeatureCsv.write(features, labels, writer);
            writer.flush();
        });
        spec.commandLine().getOut().printf("%s %s: %d rows past warm-up of %d bars written to %s%n",
                series.symbol(), series.interval(), features.rowCount(), series.size(), target);
        return 0;
    }
}
