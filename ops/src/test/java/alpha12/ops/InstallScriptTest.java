package alpha12.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops/install.sh and ops/uninstall.sh, staged with DESTDIR into a temporary folder. */
class InstallScriptTest {

    @TempDir
    Path temp;

    private Path jars;
    private Path stage;

    @BeforeEach
    void smallJars() throws IOException {
        // Stand-ins for the 10 MB jars: real zip files (install.sh checks that), one per daemon.
        jars = Files.createDirectories(temp.resolve("jars"));
        for (String daemon : Daemons.NAMES) {
            try (OutputStream out = Files.newOutputStream(jars.resolve(Daemons.jar(daemon)));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                zip.write(("Manifest-Version: 1.0\nImplementation-Title: alpha12-" + daemon + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        stage = temp.resolve("stage");
    }

    @Test
    void installsTheExpectedLayout() throws IOException {
        ProcessRun run = install();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("skipping the user, owners");
        assertThat(paths()).containsExactlyInAnyOrder(
                "etc", "etc/alpha12", "etc/alpha12/alpha12.env",
                "etc/systemd", "etc/systemd/system",
                "etc/systemd/system/alpha12-background-analysis.service",
                "etc/systemd/system/alpha12-autosignal.service",
                "etc/systemd/system/alpha12-tracker.service",
                "etc/systemd/system/alpha12.target",
                "opt", "opt/alpha12", "opt/alpha12/alpha12.env.example", "opt/alpha12/runs",
                "opt/alpha12/lib", "opt/alpha12/lib/alpha12-background-analysis.jar",
                "opt/alpha12/lib/alpha12-autosignal.jar", "opt/alpha12/lib/alpha12-tracker.jar",
                "var", "var/lib", "var/lib/alpha12", "var/lib/alpha12/runs", "var/log", "var/log/alpha12");
        assertThat(mode("etc/alpha12/alpha12.env")).isEqualTo("rw-------");
        assertThat(stage.resolve("etc/alpha12/alpha12.env")).hasSameBinaryContentAs(Repository.file(".env.example"));
        assertThat(mode("var/lib/alpha12/runs")).isEqualTo("rwxr-x---");
        assertThat(mode("var/log/alpha12")).isEqualTo("rwxr-x---");
        assertThat(Files.readSymbolicLink(stage.resolve("opt/alpha12/runs"))).isEqualTo(Path.of("/var/lib/alpha12/runs"));
        for (String daemon : Daemons.NAMES) {
            assertThat(stage.resolve("opt/alpha12/lib/" + Daemons.jar(daemon)))
                    .hasSameBinaryContentAs(jars.resolve(Daemons.jar(daemon)));
            assertThat(mode("opt/alpha12/lib/" + Daemons.jar(daemon))).isEqualTo("rw-r--r--");
        }
        for (String unit : Daemons.unitNames()) {
            assertThat(stage.resolve("etc/systemd/system/" + unit)).hasSameBinaryContentAs(Repository.file("ops/" + unit));
            assertThat(mode("etc/systemd/system/" + unit)).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aSecondRunChangesNothing() {
        assertThat(install().exitCode()).isZero();
        List<String> before = listing();

        ProcessRun again = install();

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("every file was already up to date");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void anExistingEnvFileIsNeverOverwritten() throws IOException {
        assertThat(install().exitCode()).isZero();
        Path env = stage.resolve("etc/alpha12/alpha12.env");
        Files.writeString(env, "ALPHA12_SYMBOL=ETHUSDT\n");

        ProcessRun again = install();

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(env).hasContent("ALPHA12_SYMBOL=ETHUSDT");
        assertThat(again.stdout()).contains("kept /etc/alpha12/alpha12.env")
                .contains("settings not in /etc/alpha12/alpha12.env").contains("ALPHA12_BINANCE_BASE_URL");
    }

    @Test
    void anUpdatedJarReplacesTheInstalledOne() throws IOException {
        assertThat(install().exitCode()).isZero();
        Path tracker = jars.resolve(Daemons.jar("tracker"));
        Files.write(tracker, new byte[] {0, 1, 2}, StandardOpenOption.APPEND);

        ProcessRun again = install();

        assertThat(again.stdout()).contains("updated /opt/alpha12/lib/alpha12-tracker.jar")
                .doesNotContain("alpha12-autosignal.jar");
        assertThat(stage.resolve("opt/alpha12/lib/" + Daemons.jar("tracker"))).hasSameBinaryContentAs(tracker);
    }

    @Test
    void aMissingJarIsRefusedBeforeAnythingIsInstalled() throws IOException {
        Files.delete(jars.resolve(Daemons.jar("autosignal")));

        ProcessRun run = install();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("missing " + jars.resolve(Daemons.jar("autosignal")));
        assertThat(stage).doesNotExist();
    }

    @Test
    void uninstallKeepsResultsAndSettingsUnlessPurged() throws IOException {
        assertThat(install().exitCode()).isZero();
        Files.writeString(stage.resolve("var/lib/alpha12/runs/background_analysis.csv"), "kept\n");

        ProcessRun uninstall = script("ops/uninstall.sh");

        assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
        assertThat(paths()).containsExactlyInAnyOrder("etc", "etc/alpha12", "etc/alpha12/alpha12.env",
                "etc/systemd", "etc/systemd/system", "opt", "var", "var/lib", "var/lib/alpha12",
                "var/lib/alpha12/runs", "var/lib/alpha12/runs/background_analysis.csv", "var/log", "var/log/alpha12");

        ProcessRun purge = script("ops/uninstall.sh", "--purge");

        assertThat(purge.exitCode()).as(purge.output()).isZero();
        assertThat(paths()).containsExactlyInAnyOrder("etc", "etc/systemd", "etc/systemd/system", "opt", "var",
                "var/lib", "var/log");
    }

    private ProcessRun install() {
        return script("ops/install.sh", "--jars", jars.toString());
    }

    private ProcessRun script(String script, String... args) {
        List<String> command = Stream.concat(Stream.of("bash", Repository.file(script).toString()), Stream.of(args))
                .toList();
        return ProcessRun.run(command, temp, Map.of("DESTDIR", stage.toString()));
    }

    private List<String> paths() {
        try (Stream<Path> paths = Files.walk(stage)) {
            return paths.filter(p -> !p.equals(stage)).map(p -> stage.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path with its type, mode, and content checksum or link target. */
    private List<String> listing() {
        return paths().stream().map(relative -> {
            Path p = stage.resolve(relative);
            try {
                if (Files.isSymbolicLink(p)) {
                    return "l " + relative + " -> " + Files.readSymbolicLink(p);
                }
                String kind = Files.isDirectory(p) ? "d " : "f ";
                String content = Files.isDirectory(p) ? "" : " " + sha256(Files.readAllBytes(p));
                return kind + mode(relative) + " " + relative + content;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private String mode(String relative) {
        try {
            return PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(stage.resolve(relative), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
