package alpha12.core.cli;

import alpha12.core.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs a daemon's picocli command and maps failures to exit codes: 0 success, 2 usage error (picocli
 * prints the problem and the usage), 78 configuration error (one line per bad value on stderr, nothing
 * done), 1 for anything unexpected.
 */
public final class Launcher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CONFIG = ConfigException.EXIT_CODE;

    private Launcher() {
    }

    public static int run(String program, Object command, String... args) {
        return run(program, command, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String, Object, String...)}, with the command's output and error streams given. */
    public static int run(String program, Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException config) {
                for (String problem : config.problems()) {
                    err.println(program + ": configuration error: " + problem);
                }
                err.flush();
                return EXIT_CONFIG;
            }
            LoggerFactory.getLogger(program).error("{} failed: {}", program, ex.toString(), ex);
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }
}
