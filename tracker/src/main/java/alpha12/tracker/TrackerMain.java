package alpha12.tracker;

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

/** {@code alpha12-tracker.jar}: Follows every setup to its outcome and writes the trade history. */
@Command(name = "alpha12-tracker", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Follows every setup to its outcome and writes the trade history.")
public final class TrackerMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerMain.class);

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(Launcher.run("alpha12-tracker", new TrackerMain(), args));
    }

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv(), common.envFile(), common.overrides());
        LogSetup.configure("alpha12-tracker", loaded.config().logDir(), System.getenv());
        loaded.warnings().forEach(LOG::warn);
        LOG.info("configuration ok: {}", loaded.config());
        return 0;
    }
}
