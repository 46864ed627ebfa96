package alpha12.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    private static final String ISO_LINE =
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00 %s +\\[[^]]+] [\\w.]+ - %s";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        LogSetup.configure("test", Optional.empty(), Map.of());
    }

    private List<String> consoleLines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void outsideSystemdEveryConsoleLineStartsWithAnIsoUtcTimestamp() {
        LogSetup.configure("alpha12-tracker", Optional.empty(), Map.of("HOME", "/root"));
        Logger log = LoggerFactory.getLogger("alpha12.tracker.Tracker");

        log.info("cycle done");
        log.warn("slow source");

        assertThat(consoleLines()).hasSize(2);
        assertThat(consoleLines().get(0)).matches(String.format(ISO_LINE, "INFO", "cycle done"));
        assertThat(consoleLines().get(1)).matches(String.format(ISO_LINE, "WARN", "slow source"));
    }

    @Test
    void underSystemdConsoleLinesCarryAJournalPriorityAndNoTimestamp() {
        LogSetup.configure("alpha12-tracker", Optional.empty(), Map.of("JOURNAL_STREAM", "8:12345"));
        Logger log = LoggerFactory.getLogger("alpha12.tracker.Tracker");

        log.error("source down");
        log.warn("slow source");
        log.info("cycle done");
        log.debug("not shown at INFO");

        assertThat(consoleLines()).containsExactly(
                "<3>ERROR [main] alpha12.tracker.Tracker - source down",
                "<4>WARN  [main] alpha12.tracker.Tracker - slow source",
                "<6>INFO  [main] alpha12.tracker.Tracker - cycle done");
    }

    @Test
    void withALogDirLinesAlsoGoToATimestampedDaemonFile() throws IOException {
        Path logs = dir.resolve("var/log/alpha12");
        LogSetup.configure("alpha12-tracker", Optional.of(logs), Map.of("JOURNAL_STREAM", "8:12345"));

        LoggerFactory.getLogger("alpha12.tracker.Tracker").info("written twice");

        assertThat(consoleLines()).containsExactly("<6>INFO  [main] alpha12.tracker.Tracker - written twice");
        List<String> file = Files.readAllLines(logs.resolve("alpha12-tracker.log"));
        assertThat(file).singleElement().asString().matches(String.format(ISO_LINE, "INFO", "written twice"));
    }

    @Test
    void theLogFileRollsBySizeAndKeepsAtMostFiveOldFiles() throws IOException {
        LogSetup.configure("alpha12-autosignal", Optional.of(dir), Map.of(), 2048, 0);
        Logger log = LoggerFactory.getLogger("alpha12.autosignal.Autosignal");
        String padding = "x".repeat(200);

        // each roll shifts the old files up by one: log until the fifth exists, then as much again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int extra = 0;
        for (int i = 0; extra < 100 && System.nanoTime() < deadline; i++) {
            log.info("line {} {}", i, padding);
            if (Files.exists(dir.resolve("alpha12-autosignal.5.log"))) {
                extra++;
            }
        }
        console.reset();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("alpha12-autosignal.log",
                    "alpha12-autosignal.1.log", "alpha12-autosignal.2.log", "alpha12-autosignal.3.log",
                    "alpha12-autosignal.4.log", "alpha12-autosignal.5.log");
        }
        assertThat(Files.size(dir.resolve("alpha12-autosignal.log"))).isLessThan(2048 + 512);
        assertThat(Files.readAllLines(dir.resolve("alpha12-autosignal.1.log")))
                .allSatisfy(line -> assertThat(line).matches(String.format(ISO_LINE, "INFO", "line \\d+ x+")));
    }

    @Test
    void aLogDirThatCannotBeCreatedIsAConfigurationError() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> LogSetup.configure("alpha12-tracker", Optional.of(file.resolve("logs")), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ALPHA12_LOG_DIR=" + file.resolve("logs") + " is not valid (")
                .hasMessageEndingWith("); accepted: a folder this user can create and write");
    }
}
