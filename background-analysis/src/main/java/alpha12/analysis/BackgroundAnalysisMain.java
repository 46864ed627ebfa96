package alpha12.analysis;

import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Launcher;
import alpha12.core.cli.LogSetup;
import alpha12.core.cli.VersionInfo;
import alpha12.core.config.ConfigLoader;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alpha12-background-analysis.jar}: Analyses every asset and timeframe, trains and publishes the timeframe models, and runs the performance monitor. */
@Command(name = "alpha12-background-analysis", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Analyses every asset and timeframe, trains and publishes the timeframe models, and runs the performance monitor.")
public final class BackgroundAnalysisMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAnalysisMain.class);

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(Launcher.run("alpha12-background-analysis", new BackgroundAnalysisMain(), args));
    }

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv(), common.envFile(), common.overrides());
        LogSetup.configure("alpha12-background-analysis", loaded.config().logDir(), System.getenv());
        loaded.warnings().forEach(LOG::warn);
        LOG.info("configuration ok: {}", loaded.config());
        return 0;
    }
}
