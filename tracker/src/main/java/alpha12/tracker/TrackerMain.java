package alpha12.tracker;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Launcher;
import alpha12.core.cli.VersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alpha12-tracker.jar}: follows every setup to its outcome and writes the trade history. */
@Command(name = TrackerMain.PROGRAM, mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        subcommands = {ListCommand.class, CancelCommand.class, ImportLegacyCommand.class},
        description = "Follows every setup in runs/setups.csv through trigger, target, stop, timeout or expiry, "
                + "replaying every closed 1-minute bar, and appends outcomes to runs/trade_history.csv.")
public final class TrackerMain implements Callable<Integer> {

    static final String PROGRAM = "alpha12-tracker";

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(Launcher.run(PROGRAM, new TrackerMain(), args));
    }

    @Override
    public Integer call() {
        return new TrackerDaemon(Alpha12Runtime.start(PROGRAM, common)).run(common.once());
    }
}
