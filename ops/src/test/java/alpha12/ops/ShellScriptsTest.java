package alpha12.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShellScriptsTest {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", ".idea", ".vscode");

    @Test
    void everyShellScriptPassesShellcheck() throws IOException {
        Optional<Path> shellcheck = ProcessRun.onPath("shellcheck");
        assumeTrue(shellcheck.isPresent(), "skipped: shellcheck is not installed (apt-get install shellcheck; .ci/run does)");
        Path root = Repository.root();
        List<String> scripts = shellScripts(root);
        assertThat(scripts).contains("ops/install.sh", "ops/uninstall.sh", "start_background_analysis.sh", ".ci/run");

        List<String> command = new ArrayList<>(List.of(shellcheck.get().toString(), "--external-sources"));
        command.addAll(scripts);
        ProcessRun run = ProcessRun.run(command, root, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).as(run.output()).isEmpty();
    }

    /** Files named *.sh or starting with a shell #! line, outside build output and tool folders. */
    private static List<String> shellScripts(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(root.relativize(p).toString().split("/")).noneMatch(SKIPPED_FOLDERS::contains))
                    .filter(p -> p.getFileName().toString().endsWith(".sh") || hasShellShebang(p))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static boolean hasShellShebang(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            char[] head = new char[64];
            int n = in.read(head);
            String first = n <= 0 ? "" : new String(head, 0, n).lines().findFirst().orElse("");
            return first.startsWith("#!") && first.matches("#!.*\\b(ba)?sh\\b.*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
