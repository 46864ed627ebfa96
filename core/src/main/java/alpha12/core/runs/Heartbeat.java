package alpha12.core.runs;

import alpha12.core.store.RunsStore;
import alpha12.core.store.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * The daemons' heartbeat files under runs/: each holds one timestamp ({@link Timestamps}, no line
 * break), the last time its daemon was alive, replaced atomically. The tracker's keeps the original's name.
 */
public enum Heartbeat {

    BACKGROUND_ANALYSIS("background_analysis_heartbeat.txt"),
    AUTOSIGNAL("autosignal_heartbeat.txt"),
    TRACKER("daemon_heartbeat.txt");

    private final String file;

    Heartbeat(String file) {
        this.file = file;
    }

    /** The file's name under runs/. */
    public String file() {
        return file;
    }

    /** Writes the store's clock time, atomically. */
    public void write(RunsStore store) {
        store.writeAtomically(file, Timestamps.format(store.clock().instant()));
    }

    /** The heartbeat's time; empty when the file is missing or does not hold one timestamp. */
    public Optional<Instant> read(RunsStore store) {
        return store.readText(file).flatMap(Timestamps::tryParse);
    }
}
