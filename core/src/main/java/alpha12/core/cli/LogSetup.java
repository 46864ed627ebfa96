package alpha12.core.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Logging for the daemons. Under systemd ({@code JOURNAL_STREAM} set) console lines carry no timestamp,
 * since journald adds one, but a {@code <N>} priority prefix that journald reads as the level; elsewhere
 * lines start with a UTC ISO timestamp. With a log folder, also a size-capped rolling file.
 */
public final class LogSetup {

    static final long MAX_FILE_SIZE_MB = 10;
    static final int MAX_FILES = 5;

    private LogSetup() {
    }

    public static void configure(String daemon, Optional<Path> logDir, Map<String, String> env) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        @SuppressWarnings("unchecked")
        Map<String, String> registry = (Map<String, String>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, registry);
        }
        registry.put("journalPriority", JournalPriority.class.getName());

        boolean journald = env.containsKey("JOURNAL_STREAM");
        String timestamped = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level [%thread] %logger{24} - %msg%n";
        String console = journald ? "%journalPriority%-5level [%thread] %logger{24} - %msg%n" : timestamped;

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("console");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context, console));
        stderr.start();
        root.addAppender(stderr);

        logDir.ifPresent(dir -> root.addAppender(rollingFile(context, dir, daemon, timestamped)));
        context.getLogger("okhttp3").setLevel(Level.WARN);
        context.getLogger("smile").setLevel(Level.WARN);
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path dir, String daemon,
                                                                  String pattern) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(dir.resolve(daemon + ".log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve(daemon + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(MAX_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE_MB + "MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, pattern));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** sd-daemon(3) priority prefix: {@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug. */
    public static class JournalPriority extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> "<3>";
                case Level.WARN_INT -> "<4>";
                case Level.INFO_INT -> "<6>";
                default -> "<7>";
            };
        }
    }
}
