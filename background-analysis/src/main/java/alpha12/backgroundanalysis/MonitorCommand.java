package alpha12.backgroundanalysis;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Pacer;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.monitor.MonitorTable;
import alpha12.core.monitor.TimeframeReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code monitor [--once]}: the performance monitor on its own — judge the live trades of every asset and
 * interval, retrain the degraded ones past their cooldown, print the table; without {@code --once}, again
 * every {@code ALPHA12_PERF_MONITOR_FREQ} × {@code ALPHA12_ANALYSIS_SLEEP} seconds.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Judge live trading results per asset and interval and retrain degraded timeframes.")
final class MonitorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Alpha12Runtime runtime = Alpha12Runtime.start(BackgroundAnalysisMain.PROGRAM, common);
        AnalysisCycle cycle = new AnalysisCycle(runtime.config(), runtime.store(), runtime.clock(),
                BackgroundAnalysisDaemon.analyzer(runtime), new ModelStore(runtime.store()), true);
        Duration every = runtime.config().analysis().sleep()
                .multipliedBy(runtime.config().analysis().perfMonitorFreq());
        Pacer pacer = Pacer.install(runtime);
        PrintWriter out = spec.commandLine().getOut();
        try {
            while (true) {
                long started = System.nanoTime();
                List<TimeframeReport> reports = cycle.runMonitor();
                out.print(MonitorTable.render(reports));
                out.flush();
                if (common.once() || pacer.pause(every, Duration.ofNanos(System.nanoTime() - started))) {
                    return 0;
                }
            }
        } finally {
            pacer.loopFinished();
        }
    }
}
