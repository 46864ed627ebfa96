package alpha12.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.cli.LogSetup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The stack-trace check the daemon tests rely on finds a real one in a daemon's log, and only that. */
class DaemonRunTest {

    @TempDir
    Path dir;

    @Command(name = "tiny")
    static final class Tiny implements Callable<Integer> {
        final Path logDir;

        @Option(names = "--crash")
        boolean crash;

        Tiny(Path logDir) {
            this.logDir = logDir;
        }

        @Override
        public Integer call() {
            LogSetup.configure("tiny", Optional.of(logDir), Map.of());
            LoggerFactory.getLogger("tiny").warn("BTCUSDT 4h: could not score: model BTCUSDT 4h unavailable");
            if (crash) {
                throw new IllegalStateException("boom", new java.io.UncheckedIOException(new java.io.IOException("disk")));
            }
            return 0;
        }
    }

    @Test
    void anUnexpectedFailureLeavesAStackTraceInTheLogAndAWarningLineDoesNot() {
        DaemonRun quiet = DaemonRun.run("tiny", new Tiny(dir), dir);
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.logLines("WARN")).singleElement().asString().endsWith("could not score: model BTCUSDT 4h "
                + "unavailable");
        assertThat(quiet.stackTraceLines()).isEmpty();

        DaemonRun crash = DaemonRun.run("tiny", new Tiny(dir), dir, "--crash");
        assertThat(crash.exit()).isEqualTo(1);
        assertThat(crash.stackTraceLines()).anySatisfy(l -> assertThat(l).contains("java.lang.IllegalStateException"))
                .anySatisfy(l -> assertThat(l).startsWith("\tat "))
                .anySatisfy(l -> assertThat(l).startsWith("Caused by: java.io.UncheckedIOException"));
    }
}
