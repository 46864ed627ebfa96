package alpha12.core.config;

import alpha12.core.label.LabelSettings;
import alpha12.core.market.SourceSpec;
import alpha12.core.model.TrainingSettings;
import alpha12.core.monitor.MonitorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole, typed configuration, read once at start: built-in defaults &lt; {@code .env} &lt; process
 * environment &lt; command line. Build it with {@link ConfigLoader}.
 *
 * @param now the simulated clock's instant from {@code --now}, if given
 */
public record Config(
        List<String> symbols,
        SourceSpec source,
        Path runsDir,
        URI binanceBaseUrl,
        Duration httpTimeout,
        Optional<Path> logDir,
        Optional<Instant> now,
        AnalysisSettings analysis,
        LabelSettings label,
        TrainingSettings training,
        MonitorSettings monitor,
        AutosignalSettings autosignal,
        TrackerSettings tracker) {

    /** Defaults only: for tests and tools that need a configuration without an environment. */
    public static Config defaults() {
        return ConfigLoader.load(java.util.Map.of(), Optional.empty(), CliOverrides.NONE).config();
    }
}
