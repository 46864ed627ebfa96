package alpha12.stress;

import alpha12.core.config.ConfigKeys;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged daemon jar run as a separate process with a fixed command line, which can be killed with
 * SIGKILL and started again the same way. Each life writes its output to its own file
 * {@code <daemon>-<life>.log} in the log folder; {@link #tail} shows the current life's last lines.
 */
final class JarProcess {

    /**
     * The systemd units' heap and GC, plus C1 only: these JVMs live seconds and are restarted dozens of times,
     * so start-up dominates; what is under test (files, locks, restarts) does not depend on the JIT.
     */
    private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx224m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC");

    private final String daemon;
    private final List<String> args;
    private final Path logDir;
    private final List<Integer> exits = new ArrayList<>();
    private Process process;
    private Instant startedAt;
    private int lives;

    private JarProcess(String daemon, List<String> args, Path logDir) {
        this.daemon = daemon;
        this.args = List.copyOf(args);
        this.logDir = logDir;
    }

    /** Starts {@code alpha12-<daemon>.jar} with {@code args}; the environment holds no Alpha12 setting. */
    static JarProcess start(String daemon, List<String> args, Path logDir) {
        JarProcess p = new JarProcess(daemon, args, logDir);
        p.startLife();
        return p;
    }

    /** Runs the jar once to its end and returns its exit code; fails with its output past the deadline. */
    static int run(String daemon, List<String> args, Path logDir, Duration deadline) {
        return start(daemon, args, logDir).awaitExit(deadline);
    }

    /** The jar {@code mvn package} built, next to this module. */
    static Path jar(String daemon) {
        Path jar = Path.of("..", daemon, "target", "alpha12-" + daemon + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; the stress tests run the packaged jars: "
                    + "mvn -B -Pstress -pl stress -am verify builds them first");
        }
        return jar;
    }

    String daemon() {
        return daemon;
    }

    /** Lives started so far, this one included. */
    int lives() {
        return lives;
    }

    /** When the current life was started (wall clock). */
    Instant startedAt() {
        return startedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux), then waits for the process to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(daemon + " survived SIGKILL for 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        exits.add(process.exitValue());
    }

    /** Starts the next life with the same command line; the current one must have ended. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(daemon + " is still running");
        }
        startLife();
    }

    /** Waits for the current life to end and returns its exit code; past the deadline, kills it and fails. */
    int awaitExit(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
                throw new AssertionError(daemon + " did not finish within " + deadline + "\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int code = process.exitValue();
        exits.add(code);
        return code;
    }

    /** The exit code of the current life, which has ended by itself. */
    int exitValue() {
        return process.exitValue();
    }

    /** Exit codes of the lives that ended, in order (137 for a SIGKILL). */
    List<Integer> exits() {
        return List.copyOf(exits);
    }

    Path log() {
        return logDir.resolve(daemon + "-" + lives + ".log");
    }

    /** The last {@code lines} lines of the current life's output, headed by the command, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8) : List.of();
            return "--- " + daemon + " life " + lives + " (" + log() + "), exits so far " + exits + ":\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "--- " + daemon + ": cannot read " + log() + ": " + e + "\n";
        }
    }

    /** The whole output of every life so far. */
    String allOutput() {
        StringBuilder out = new StringBuilder();
        for (int life = 1; life <= lives; life++) {
            Path file = logDir.resolve(daemon + "-" + life + ".log");
            try {
                out.append(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    private void startLife() {
        lives++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar(daemon).toString());
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Files.writeString(log(), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // Hermetic: only the env file and the command line configure the daemons.
            builder.environment().keySet().removeIf(k -> k.startsWith("ALPHA12_") || ConfigKeys.isKnown(k));
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + daemon + ": " + e.getMessage(), e);
        }
    }
}
