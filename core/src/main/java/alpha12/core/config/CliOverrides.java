package alpha12.core.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The command-line options that override configuration keys (highest precedence). */
public record CliOverrides(Optional<String> source, Optional<List<String>> symbols, Optional<Path> runsDir,
                           Optional<Instant> now) {

    public static final CliOverrides NONE =
            new CliOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
