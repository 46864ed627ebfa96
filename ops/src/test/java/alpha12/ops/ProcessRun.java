package alpha12.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion and keeps its exit code and output. */
record ProcessRun(List<String> command, int exitCode, String stdout, String stderr) {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    static ProcessRun run(List<String> command, Path workingDir, Map<String, String> extraEnv) {
        try {
            Path out = Files.createTempFile("alpha12-ops-", ".out");
            Path err = Files.createTempFile("alpha12-ops-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                // Hermetic: nothing from the build's own environment may steer the scripts or daemons.
                builder.environment().keySet().removeIf(k -> k.startsWith("ALPHA12_") || k.equals("DESTDIR"));
                builder.environment().putAll(extraEnv);
                Process process = builder.start();
                if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + DEADLINE);
                }
                return new ProcessRun(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The executable {@code name} on the PATH, if any. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Everything the command printed, for assertion messages. */
    String output() {
        return String.join(" ", command) + " exited " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
