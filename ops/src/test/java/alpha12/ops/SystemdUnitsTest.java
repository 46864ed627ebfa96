package alpha12.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The units as systemd itself judges them, and the promises the deployment makes about them. */
class SystemdUnitsTest {

    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    @Test
    void everyUnitPassesSystemdAnalyzeVerify(@TempDir Path root) throws IOException {
        Path analyze = systemdAnalyze();
        int version = systemdVersion(analyze);
        assumeTrue(version >= 250, "skipped: systemd-analyze " + version + " predates verify --root (systemd 250+)");
        Optional<Path> hostUnits = Stream.of("/usr/lib/systemd/system", "/lib/systemd/system").map(Path::of)
                .filter(dir -> Files.isRegularFile(dir.resolve("multi-user.target"))).findFirst();
        assumeTrue(hostUnits.isPresent(), "skipped: no systemd unit folder with multi-user.target on this machine");

        // verify checks that ExecStart's program exists, so it runs against a root folder holding the
        // units as installed, the host's standard units (multi-user.target, network-online.target, ...)
        // and, at the units' own java path, this JVM's launcher: the units are checked unchanged.
        copyTree(hostUnits.get().toRealPath(), root.resolve("usr/lib/systemd/system"));
        Path installed = Files.createDirectories(root.resolve("etc/systemd/system"));
        for (String unit : Daemons.unitNames()) {
            Files.copy(Repository.file("ops/" + unit), installed.resolve(unit));
        }
        String javaPath = UnitFile.read(Daemons.unitFile("tracker")).execStart().get(0);
        Path java = root.resolve(javaPath.substring(1));
        Files.createDirectories(java.getParent());
        Files.copy(Path.of(System.getProperty("java.home"), "bin", "java"), java);

        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--root=" + root, "--man=no"));
        command.addAll(Daemons.unitNames());
        ProcessRun run = ProcessRun.run(command, root, Map.of());

        // verify exits 0 on mere warnings (an unknown key, a bad value it ignores): any output fails too.
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout() + run.stderr()).as(run.output()).isEmpty();
    }

    @Test
    void everyServiceScoresOkOnSystemdAnalyzeSecurity() {
        Path analyze = systemdAnalyze();
        int version = systemdVersion(analyze);
        assumeTrue(version >= 250, "skipped: systemd-analyze " + version + " has no security --offline (systemd 250+)");
        for (String daemon : Daemons.NAMES) {
            ProcessRun run = ProcessRun.run(List.of(analyze.toString(), "security", "--offline=yes", "--threshold=20",
                    Daemons.unitFile(daemon).toString()), Repository.root(), Map.of());

            assertThat(run.exitCode()).as(run.output()).isZero();
            Matcher m = EXPOSURE.matcher(run.stdout());
            assertThat(m.find()).as(run.output()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(daemon + " exposure").isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void servicesDifferOnlyInTheirDaemon() throws IOException {
        String reference = normalised("background-analysis");

        for (String daemon : Daemons.NAMES) {
            assertThat(normalised(daemon)).as(Daemons.service(daemon) + " against the background-analysis unit")
                    .isEqualTo(reference);
        }
    }

    @Test
    void servicesRestartOnFailureButNotOnAConfigurationError() {
        for (String daemon : Daemons.NAMES) {
            UnitFile unit = UnitFile.read(Daemons.unitFile(daemon));

            assertThat(unit.value("Service", "Type")).isEqualTo("simple");
            assertThat(unit.value("Service", "User")).isEqualTo("alpha12");
            assertThat(unit.value("Service", "Restart")).isEqualTo("on-failure");
            assertThat(unit.value("Service", "RestartSec")).isEqualTo("5s");
            assertThat(unit.value("Service", "RestartPreventExitStatus")).isEqualTo("78");
            assertThat(unit.value("Service", "SuccessExitStatus")).isEqualTo("143");
            assertThat(unit.execStart()).endsWith("-jar", "/opt/alpha12/lib/" + Daemons.jar(daemon));
        }
    }

    @Test
    void servicesReadSettingsFromThePrivateEnvFileAndWriteOnlyStateAndLogs() {
        for (String daemon : Daemons.NAMES) {
            UnitFile unit = UnitFile.read(Daemons.unitFile(daemon));

            assertThat(unit.value("Service", "EnvironmentFile")).isEqualTo("/etc/alpha12/alpha12.env");
            assertThat(unit.value("Service", "Environment").split(" "))
                    .contains("ALPHA12_RUNS_DIR=/var/lib/alpha12/runs", "ALPHA12_LOG_DIR=/var/log/alpha12");
            assertThat(unit.value("Service", "WorkingDirectory")).isEqualTo("/opt/alpha12");
            assertThat(unit.value("Service", "StateDirectory")).isEqualTo("alpha12/runs");
            assertThat(unit.value("Service", "LogsDirectory")).isEqualTo("alpha12");
            assertThat(unit.value("Service", "ProtectSystem")).isEqualTo("strict");
            assertThat(unit.values("Service", "MemoryDenyWriteExecute")).as("breaks the JIT").isEmpty();
        }
    }

    @Test
    void targetWantsAllThreeServicesAndEachStopsWithIt() {
        UnitFile target = UnitFile.read(Repository.file("ops/alpha12.target"));
        List<String> wanted = target.values("Unit", "Wants").stream()
                .flatMap(v -> Stream.of(v.split("\\s+"))).toList();

        for (String daemon : Daemons.NAMES) {
            assertThat(wanted).contains(Daemons.service(daemon));
            assertThat(UnitFile.read(Daemons.unitFile(daemon)).value("Unit", "PartOf")).isEqualTo("alpha12.target");
        }
        assertThat(target.value("Install", "WantedBy")).isEqualTo("multi-user.target");
    }

    /** A unit's text without its header comment, its Description and its jar name. */
    private static String normalised(String daemon) throws IOException {
        String text = Files.readString(Daemons.unitFile(daemon));
        return text.substring(text.indexOf("[Unit]"))
                .replaceFirst("(?m)^Description=.*$", "Description=")
                .replace(Daemons.jar(daemon), "alpha12-DAEMON.jar");
    }

    private static Path systemdAnalyze() {
        Optional<Path> tool = ProcessRun.onPath("systemd-analyze");
        assumeTrue(tool.isPresent(), "skipped: systemd-analyze is not installed (apt-get install systemd; .ci/run does)");
        return tool.get();
    }

    /** 252 from "systemd 252 (252.39-1~deb12u2)". */
    private static int systemdVersion(Path analyze) {
        ProcessRun run = ProcessRun.run(List.of(analyze.toString(), "--version"), Repository.root(), Map.of());
        Matcher m = Pattern.compile("^systemd (\\d+)").matcher(run.stdout());
        assertThat(m.find()).as(run.output()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
