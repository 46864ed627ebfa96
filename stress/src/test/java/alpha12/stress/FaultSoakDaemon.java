package alpha12.stress;

import java.nio.file.Path;

/** The three daemons as the soak runs them: their packaged jar and the heartbeat each writes every cycle. */
enum FaultSoakDaemon {
    BACKGROUND_ANALYSIS("background-analysis", "background_analysis_heartbeat.txt"),
    AUTOSIGNAL("autosignal", "autosignal_heartbeat.txt"),
    TRACKER("tracker", "daemon_heartbeat.txt");

    private final String module;
    private final String heartbeat;

    FaultSoakDaemon(String module, String heartbeat) {
        this.module = module;
        this.heartbeat = heartbeat;
    }

    String module() {
        return module;
    }

    String heartbeat() {
        return heartbeat;
    }

    /** The jar {@code mvn package} built; surefire runs in stress/, so the modules are its siblings. */
    Path jar() {
        return Path.of("..", module, "target", "alpha12-" + module + ".jar").toAbsolutePath().normalize();
    }
}
