package alpha12.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.testing.PackageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A daemon wires core pieces together; it never depends on another daemon (they share only runs/). */
class DaemonIsolationTest {

    @Test
    void namesNoOtherDaemonsPackage() {
        PackageGraph graph = PackageGraph.of(TrackerMain.class, "alpha12");
        List<String> others = PackageGraph.DAEMON_PACKAGES.stream()
                .filter(p -> !p.equals(TrackerMain.class.getPackageName())).toList();

        assertThat(graph.packages()).contains(TrackerMain.class.getPackageName());
        assertThat(graph.dependenciesOn(List.of("alpha12.core"))).as("what it uses of core").isNotEmpty();
        assertThat(graph.dependenciesOn(others)).as("dependencies on other daemons").isEmpty();
    }
}
