package alpha12.tracker;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupLifecycle;
import alpha12.core.trading.TradeRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cancel <id>}: a person cancels an active setup; it gets a cancelled trade row with zero pnl. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a pending or triggered setup by its id or unique_id.")
final class CancelCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID", description = "The setup's id or unique_id (see 'list').")
    String id;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Alpha12Runtime runtime = Alpha12Runtime.startCommand(TrackerMain.PROGRAM, common);
        Optional<String> error = cancel(runtime.store(), runtime.config().tracker().feesBpsPerSide(), id);
        if (error.isPresent()) {
            spec.commandLine().getErr().println(TrackerMain.PROGRAM + " cancel: " + error.get());
            return 1;
        }
        spec.commandLine().getOut().println("cancelled " + id);
        return 0;
    }

    /** Cancels under setups.csv's lock: trade row first, then the status. Empty on success, else why not. */
    static Optional<String> cancel(RunsStore store, double feesBpsPerSide, String id) {
        return store.locked(SetupsFile.NAME, () -> {
            List<Setup> setups = store.read(SetupsFile.SCHEMA);
            Optional<Setup> found = setups.stream()
                    .filter(s -> s.id().equals(id) || s.uniqueId().equals(id)).findFirst();
            if (found.isEmpty()) {
                return Optional.of("no setup with id or unique_id '" + id + "' in " + store.resolve(SetupsFile.NAME)
                        + "; 'list' shows the setups");
            }
            Setup s = found.get();
            if (!s.lifecycle().status().isActive()) {
                return Optional.of("setup " + s.id() + " is already " + s.lifecycle().status()
                        + "; only pending or triggered setups can be cancelled");
            }
            Progress p = SetupLifecycle.cancel(s, store.clock().instant());
            if (store.read(TradeHistoryFile.SCHEMA).stream().noneMatch(t -> t.setupId().equals(s.id()))) {
                store.append(TradeHistoryFile.SCHEMA,
                        TradeRecord.of(p.setup(), p.exit().orElseThrow(), feesBpsPerSide));
            }
            store.update(SetupsFile.SCHEMA,
                    rows -> rows.stream().map(r -> r.id().equals(s.id()) ? p.setup() : r).toList());
            return Optional.empty();
        });
    }
}
