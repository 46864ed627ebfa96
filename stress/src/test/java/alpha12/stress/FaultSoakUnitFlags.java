package alpha12.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags a daemon runs with in production: those of its systemd unit's {@code ExecStart} in ops/,
 * less the crash-report path (a folder of the installed system).
 */
final class FaultSoakUnitFlags {

    private FaultSoakUnitFlags() {
    }

    static List<String> of(FaultSoakDaemon daemon) {
        Path unit = Path.of("..", "ops", "alpha12-" + daemon.module() + ".service").toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(unit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the unit " + unit, e);
        }
        String execStart = text.replace("\\\n", " ").lines().filter(l -> l.startsWith("ExecStart="))
                .findFirst().orElseThrow(() -> new IllegalStateException(unit + " has no ExecStart="));
        List<String> flags = new ArrayList<>();
        for (String token : Arrays.asList(execStart.substring("ExecStart=".length()).trim().split("\\s+"))) {
            if (token.equals("-jar")) {
                return flags;
            }
            if (token.startsWith("-") && !token.startsWith("-XX:ErrorFile=")) {
                flags.add(token);
            }
        }
        throw new IllegalStateException(unit + ": no -jar in ExecStart=");
    }
}
