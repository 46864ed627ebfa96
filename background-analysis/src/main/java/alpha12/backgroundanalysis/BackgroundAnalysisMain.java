package alpha12.backgroundanalysis;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Launcher;
import alpha12.core.cli.VersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code alpha12-background-analysis.jar}: analyses every asset × timeframe, trains and publishes the
 * timeframe models, and runs the performance monitor.
 */
@Command(name = BackgroundAnalysisMain.PROGRAM, mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        subcommands = {FeaturesCommand.class, TrainCommand.class, MonitorCommand.class},
        description = "Every ALPHA12_ANALYSIS_SLEEP seconds: for each asset and timeframe with a new closed candle, "
                + "compute the 44 features, train and validate a calibrated random forest, append a row to "
                + "runs/background_analysis.csv and a feature snapshot, and publish the model when due; every "
                + "ALPHA12_PERF_MONITOR_FREQ cycles, judge the live trades and retrain degraded timeframes.")
public final class BackgroundAnalysisMain implements Callable<Integer> {

    static final String PROGRAM = "alpha12-background-analysis";

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Launcher.run(PROGRAM, new BackgroundAnalysisMain(), args));
    }

    @Override
    public Integer call() {
        Alpha12Runtime runtime = Alpha12Runtime.start(PROGRAM, common);
        return new BackgroundAnalysisDaemon(runtime, common.once()).run(common.once(), spec.commandLine().getOut());
    }
}
