package alpha12.autosignal;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.testing.PackageGraph;
import org.junit.jupiter.api.Test;

/** A daemon wires core pieces together; it never depends on another daemon (they share only runs/). */
class DaemonIsolationTest {

    @Test
    void namesNoOtherDaemonsPackage() {
        assertThat(PackageGraph.otherDaemonsNamedBy(AutosignalMain.class)).isEmpty();
    }
}
