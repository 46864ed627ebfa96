package alpha12.ops;

import java.nio.file.Path;
import java.util.List;

/** The three daemons as deployment knows them: module folder, jar and unit names. */
final class Daemons {

    static final List<String> NAMES = List.of("background-analysis", "autosignal", "tracker");

    private Daemons() {
    }

    static String jar(String daemon) {
        return "alpha12-" + daemon + ".jar";
    }

    static String service(String daemon) {
        return "alpha12-" + daemon + ".service";
    }

    /** The jar {@code mvn package} builds for this daemon. */
    static Path builtJar(String daemon) {
        return Repository.file(daemon + "/target/" + jar(daemon));
    }

    static Path unitFile(String daemon) {
        return Repository.file("ops/" + service(daemon));
    }

    /** The four files install.sh puts into /etc/systemd/system. */
    static List<String> unitNames() {
        return List.of(service(NAMES.get(0)), service(NAMES.get(1)), service(NAMES.get(2)), "alpha12.target");
    }
}
