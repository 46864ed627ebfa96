package alpha12.autosignal;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Launcher;
import alpha12.core.cli.VersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alpha12-autosignal.jar}: trade setups at each 1h+ candle close from the timeframe models. */
@Command(name = AutosignalMain.PROGRAM, mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "At each close of an ALPHA12_AUTOSIGNAL_INTERVALS candle (1h, 4h, 1d; default 4h), score the "
                + "closed candle with the timeframe model and, through the confidence, regime, duplicate and daily-cap "
                + "gates, write trade setups to runs/setups.csv; every scored candle goes to runs/signals.csv.")
public final class AutosignalMain implements Callable<Integer> {

    static final String PROGRAM = "alpha12-autosignal";

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(Launcher.run(PROGRAM, new AutosignalMain(), args));
    }

    @Override
    public Integer call() {
        return new AutosignalDaemon(Alpha12Runtime.start(PROGRAM, common)).run(common.once());
    }
}
