package alpha12.core.cli;

import alpha12.core.config.ConfigException;
import alpha12.core.config.ConfigKeys;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Logging for the daemons, on stderr. Under systemd ({@code JOURNAL_STREAM} set) console lines carry no
 * timestamp, since journald adds one, but a {@code <N>} priority prefix that journald reads as the level;
 * elsewhere lines start with a UTC ISO-8601 timestamp. With a log folder, also a size-capped rolling file
 * {@code <dir>/<daemon>.log} (always timestamped), rolled to {@code <daemon>.1.log} … {@code .5.log}.
 */
public final class LogSetup {

    /** Size of the live file before it rolls; with {@link #MAX_FILES} old ones, at most 60 MB per daemon. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_FILES = 5;
    /** Logback looks at the file size at most this often (its own default is a minute). */
    static final long SIZE_CHECK_MILLIS = 1000;

    static final String TIMESTAMPED =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSxxx, UTC} %-5level [%thread] %logger{24} - %msg%n";
    static final String JOURNALD = "%journalPriority%-5level [%thread] %logger{24} - %msg%n";

    private LogSetup() {
    }

    /** @throws ConfigException when the log folder cannot be created */
    public static void configure(String daemon, Optional<Path> logDir, Map<String, String> env) {
        configure(daemon, logDir, env, MAX_FILE_BYTES, SIZE_CHECK_MILLIS);
    }

    static void configure(String daemon, Optional<Path> logDir, Map<String, String> env, long maxFileBytes,
                          long sizeCheckMillis) {
        logDir.ifPresent(LogSetup::createFolder);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        registerJournalPriority(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("console");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context, env.containsKey("JOURNAL_STREAM") ? JOURNALD : TIMESTAMPED));
        stderr.start();
        root.addAppender(stderr);

        logDir.ifPresent(dir -> root.addAppender(rollingFile(context, dir, daemon, maxFileBytes, sizeCheckMillis)));
        context.getLogger("okhttp3").setLevel(Level.WARN);
        context.getLogger("smile").setLevel(Level.WARN);
        // Smile logs an ERROR for every tree of a forest whose bootstrap sample left no out-of-bag rows (tiny
        // 1d training sets); its out-of-bag estimate is not used here, so the message is noise.
        context.getLogger("smile.classification.RandomForest").setLevel(Level.OFF);
    }

    @SuppressWarnings("rawtypes")
    private static void registerJournalPriority(LoggerContext context) {
        Map<String, Supplier<DynamicConverter>> registry = converters(context);
        registry.put("journalPriority", JournalPriority::new);
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException(ConfigKeys.LOG_DIR + "=" + dir + " is not valid (" + e
                    + "); accepted: a folder this user can create and write");
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException(ConfigKeys.LOG_DIR + "=" + dir + " is not valid (not writable); accepted: "
                    + "a folder this user can create and write");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // logback's registry is typed with the raw DynamicConverter
    private static Map<String, Supplier<DynamicConverter>> converters(LoggerContext context) {
        Object registry = context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<String, Supplier<DynamicConverter>>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        return (Map<String, Supplier<DynamicConverter>>) registry;
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path dir, String daemon,
                                                                  long maxFileBytes, long sizeCheckMillis) {
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
        trigger.setMaxFileSize(new FileSize(maxFileBytes));
        trigger.setCheckIncrement(Duration.buildByMilliseconds(sizeCheckMillis));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, TIMESTAMPED));
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
