package alpha12.autosignal;

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

/** {@code alpha12-autosignal.jar}: Scores each closed 1h+ candle with its timeframe model and writes trade setups. */
@Command(name = "alpha12-autosignal", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Scores each closed 1h+ candle with its timeframe model and writes trade setups.")
public final class AutosignalMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AutosignalMain.class);

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(Launcher.run("alpha12-autosignal", new AutosignalMain(), args));
    }

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv(), common.envFile(), common.overrides());
        LogSetup.configure("alpha12-autosignal", loaded.config().logDir(), System.getenv());
        loaded.warnings().forEach(LOG::warn);
        LOG.info("configuration ok: {}", loaded.config());
        return 0;
    }
}
