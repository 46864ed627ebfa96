package alpha12.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests check. Surefire runs in the module folder (ops/), so the root is its parent. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("ops"))) {
            throw new IllegalStateException("not the repository root (no pom.xml and ops/): " + root);
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
