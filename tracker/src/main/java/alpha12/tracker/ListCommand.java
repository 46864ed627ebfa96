package alpha12.tracker;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.runs.SetupsFile;
import alpha12.core.store.Timestamps;
import alpha12.core.trading.Setup;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: the active setups and the most recent ended ones, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Print active and recent setups.")
final class ListCommand implements Callable<Integer> {

    private static final String ROW = "%-34s %-4s %-5s %-9s %12s %12s %12s %5s  %-25s %-25s%n";

    @Mixin
    CommonOptions common;

    @Option(names = "--recent", defaultValue = "10", description = "Ended setups to show (default: ${DEFAULT-VALUE}).")
    int recent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Alpha12Runtime runtime = Alpha12Runtime.startCommand(TrackerMain.PROGRAM, common);
        List<Setup> setups = runtime.store().read(SetupsFile.SCHEMA);
        PrintWriter out = spec.commandLine().getOut();
        Comparator<Setup> byCreation = Comparator.comparing(s -> s.lifecycle().createdAt());
        List<Setup> active = setups.stream().filter(s -> s.lifecycle().status().isActive())
                .sorted(byCreation).toList();
        List<Setup> ended = setups.stream().filter(s -> !s.lifecycle().status().isActive())
                .sorted(byCreation.reversed()).limit(Math.max(0, recent)).toList();
        out.printf("Active setups (%d)%n", active.size());
        print(out, active);
        out.printf("%nRecently ended (%d of %d)%n", ended.size(), setups.size() - active.size());
        print(out, ended);
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, List<Setup> setups) {
        out.printf(Locale.ROOT, ROW, "id", "tf", "dir", "status", "entry", "stop", "target", "conf", "created_at",
                "expires_at");
        for (Setup s : setups) {
            out.printf(Locale.ROOT, ROW, s.id(), s.timeframe().interval().code(), s.direction().code(),
                    s.lifecycle().status().code(), price(s.levels().entry()), price(s.levels().stop()),
                    price(s.levels().target()),
                    String.format(Locale.ROOT, "%.2f", s.confidence()), Timestamps.format(s.lifecycle().createdAt()),
                    Timestamps.format(s.lifecycle().expiresAt()));
        }
    }

    private static String price(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
