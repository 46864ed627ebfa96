package alpha12.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The original system's real runs/ files bundled as test resources (see
 * {@code alpha12/core/store/original-runs/SOURCES.md}), copied where a test needs them.
 */
public final class OriginalRuns {

    public static final String SETUPS = "setups.csv";
    public static final String TRADE_HISTORY = "trade_history.csv";
    public static final String BACKGROUND_ANALYSIS = "background_analysis.csv";

    private OriginalRuns() {
    }

    public static byte[] bytes(String file) {
        try (InputStream in = OriginalRuns.class.getResourceAsStream("/alpha12/core/store/original-runs/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled original file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the named files into {@code dir} (created if needed) under their own names; returns {@code dir}. */
    public static Path copy(Path dir, String... files) {
        try {
            Files.createDirectories(dir);
            for (String f : files) {
                Files.write(dir.resolve(f), bytes(f));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original's setups.csv, trade_history.csv and background_analysis.csv in {@code dir}. */
    public static Path folder(Path dir) {
        return copy(dir, SETUPS, TRADE_HISTORY, BACKGROUND_ANALYSIS);
    }
}
