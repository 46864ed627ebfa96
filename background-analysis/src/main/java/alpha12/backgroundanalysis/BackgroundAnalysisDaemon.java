package alpha12.backgroundanalysis;

import alpha12.core.analysis.TimeframeAnalyzer;
import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.Pacer;
import alpha12.core.config.Config;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.training.ModelTrainer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The 24/7 loop: a cycle, then sleep {@code ALPHA12_ANALYSIS_SLEEP} seconds measured from its start. */
final class BackgroundAnalysisDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAnalysisDaemon.class);

    private final Alpha12Runtime runtime;
    private final AnalysisCycle cycle;

    BackgroundAnalysisDaemon(Alpha12Runtime runtime, boolean once) {
        this.runtime = runtime;
        this.cycle = new AnalysisCycle(runtime.config(), runtime.store(), runtime.clock(), analyzer(runtime),
                new ModelStore(runtime.store()), !once);
    }

    static TimeframeAnalyzer analyzer(Alpha12Runtime runtime) {
        Config config = runtime.config();
        return new TimeframeAnalyzer(runtime.source(), config.analysis(), config.label(),
                new ModelTrainer(config.training(), runtime.clock()), runtime.clock());
    }

    int run(boolean once, PrintWriter out) {
        Pacer pacer = Pacer.install(runtime);
        Duration sleep = runtime.config().analysis().sleep();
        try {
            while (true) {
                long started = System.nanoTime();
                List<TimeframeOutcome> outcomes = cycle.run();
                String table = SummaryTable.render(outcomes);
                if (once) {
                    out.print(table);
                    out.flush();
                    return 0;
                }
                LOG.info("cycle done in {} s:\n{}", (System.nanoTime() - started) / 1_000_000_000, table);
                if (pacer.pause(sleep, Duration.ofNanos(System.nanoTime() - started))) {
                    return 0;
                }
            }
        } finally {
            pacer.loopFinished();
        }
    }
}
