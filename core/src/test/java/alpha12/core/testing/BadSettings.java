package alpha12.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A daemon's real command line given one bad setting (see {@code alpha12.core.config.BadConfigValues}) in its
 * env file: it must exit 78 with exactly one line on stderr naming the key, the value, where it came from and
 * what is accepted — and do nothing else (no runs/ folder, no output, no stack trace).
 */
public final class BadSettings {

    private BadSettings() {
    }

    public static void assertRefused(String program, Object command, Path dir, String key, String value,
                                     String accepted) {
        Path env;
        try {
            env = Files.writeString(Files.createDirectories(dir).resolve("bad.env"), key + "=" + value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path runs = dir.resolve("runs");

        // --source would override a bad ALPHA12_SOURCE; elsewhere it keeps a wrongly accepted setting offline
        List<String> args = new ArrayList<>(List.of("--once", "--runs-dir", runs.toString(), "--env-file",
                env.toString()));
        if (!key.equals("ALPHA12_SOURCE")) {
            args.add("--source=sample");
        }
        DaemonRun run = DaemonRun.run(program, command, dir.resolve("logs"), args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.err()).isEqualTo(program + ": configuration error: " + key + "=" + value + " is not valid (from "
                + env + "); accepted: " + accepted + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(run.log()).isEmpty();
        assertThat(run.stackTraceLines()).isEmpty();
        assertThat(runs).as("nothing done").doesNotExist();
    }
}
