package alpha12.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JVM each unit starts: its memory caps fit MemoryMax, and the real jars start under its flags. */
class UnitJvmFlagsTest {

    /** Thread stacks, GC tables, the class-data archive, symbols and malloc: measured ~40M, see docs/deployment.md. */
    private static final long NATIVE_HEADROOM = 48L << 20;

    @Test
    void jvmCapsLeaveNativeHeadroomUnderMemoryMax() {
        for (String daemon : Daemons.NAMES) {
            UnitFile unit = UnitFile.read(Daemons.unitFile(daemon));
            List<String> flags = unit.execStart();
            long caps = size(flag(flags, "-Xmx")) + size(flag(flags, "-XX:MaxMetaspaceSize="))
                    + size(flag(flags, "-XX:ReservedCodeCacheSize=")) + size(flag(flags, "-XX:MaxDirectMemorySize="));

            assertThat(caps + NATIVE_HEADROOM).as(daemon + ": JVM caps + native headroom")
                    .isLessThanOrEqualTo(size(unit.value("Service", "MemoryMax")));
            assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"background-analysis", "autosignal", "tracker"})
    void eachJarStartsUnderItsUnitsJvmFlags(String daemon, @TempDir Path workDir) {
        ProcessRun run = ProcessRun.run(commandAsTheUnitRunsIt(daemon, "--version"), workDir, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).as(run.output()).startsWith("alpha12-" + daemon + " ");
    }

    @Test
    void aConfigurationErrorUnderTheUnitsFlagsExits78SoSystemdDoesNotRestartIt(@TempDir Path workDir) {
        ProcessRun run = ProcessRun.run(commandAsTheUnitRunsIt("background-analysis", "--once"), workDir,
                Map.of("ALPHA12_ANALYSIS_SLEEP", "abc", "ALPHA12_RUNS_DIR", workDir.resolve("runs").toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(78);
        assertThat(run.stderr()).as(run.output()).contains("ALPHA12_ANALYSIS_SLEEP=abc");
    }

    /** ExecStart with this JVM instead of /usr/bin/java and the built jar instead of /opt/alpha12/lib's. */
    private static List<String> commandAsTheUnitRunsIt(String daemon, String... args) {
        Path jar = Daemons.builtJar(daemon);
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is not built (mvn -B verify builds it first)");
        List<String> exec = UnitFile.read(Daemons.unitFile(daemon)).execStart();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String word : exec.subList(1, exec.size())) {
            command.add(word.equals("/opt/alpha12/lib/" + Daemons.jar(daemon)) ? jar.toString() : word);
        }
        assertThat(command).contains(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static String flag(List<String> flags, String prefix) {
        return flags.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("ExecStart has no " + prefix + " flag: " + flags));
    }

    /** "224m", "400M", "1g", a plain byte count. */
    private static long size(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }
}
