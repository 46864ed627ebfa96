package alpha12.core.testing;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.Launcher;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One in-process run of a daemon's real command line ({@code Launcher.run}, what its {@code main} does
 * before {@code System.exit}): the exit code, what it printed on its out and err streams, and its log file
 * (the env file names {@code ALPHA12_LOG_DIR=<logDir>}; the file is truncated first so it holds this run).
 */
public record DaemonRun(int exit, String out, String err, String log) {

    /** A stack frame, a chained cause, or a Java exception's qualified class name. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "^\\s+at [\\w$.]+\\(|^Caused by:|\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    public static DaemonRun run(String program, Object command, Path logDir, String... args) {
        Path logFile = logDir.resolve(program + ".log");
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // This run configures logging as the daemon does (console and log file), then the tests' own returns.
        String keep = System.clearProperty(Alpha12Runtime.KEEP_LOGGING_PROPERTY);
        int exit;
        try {
            exit = Launcher.run(program, command, new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            if (keep != null) {
                System.setProperty(Alpha12Runtime.KEEP_LOGGING_PROPERTY, keep);
            }
            restoreTestLogging();
        }
        String log;
        try {
            log = Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DaemonRun(exit, out.toString(), err.toString(), log);
    }

    private static void restoreTestLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot restore logback-test.xml: " + e.getMessage(), e);
        }
    }

    /** Lines of out, err and the log that belong to a stack trace or name an exception class. */
    public List<String> stackTraceLines() {
        return (out + "\n" + err + "\n" + log).lines().filter(l -> STACK_TRACE.matcher(l).find()).toList();
    }

    /** The log's lines at {@code level} (WARN, ERROR, ...). */
    public List<String> logLines(String level) {
        return log.lines().filter(l -> l.contains(" " + level + " ")).toList();
    }
}
