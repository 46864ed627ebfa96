package alpha12.core.cli;

import alpha12.core.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs a daemon's picocli command and maps failures to exit codes: 0 success, 2 usage error,
 * 78 configuration error (one line on stderr, nothing done), 1 for anything unexpected.
 */
public final class Launcher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private Launcher() {
    }

    public static int run(String program, Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException) {
                PrintWriter err = commandLine.getErr();
                err.println(program + ": configuration error: " + ex.getMessage());
                err.flush();
                return ConfigException.EXIT_CODE;
            }
            LoggerFactory.getLogger(program).error("{} failed: {}", program, ex.toString(), ex);
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }
}
