package alpha12.core;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.store.RunsStore;
import alpha12.core.testing.PackageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of core, read from its compiled classes: dependencies point one way (daemons → runs → domain
 * packages → store), so no package cycle exists, and the store beneath everything names no other package.
 */
class PackageDependenciesTest {

    private static final PackageGraph CORE = PackageGraph.of(RunsStore.class, "alpha12.core");

    @Test
    void coreHasNoPackageCycle() {
        assertThat(CORE.cycles()).as("package cycles in core").isEmpty();
    }

    @Test
    void theStoreNamesNoOtherPackageOfCore() {
        assertThat(CORE.dependencies("alpha12.core.store")).as("what alpha12.core.store depends on").isEmpty();
    }

    @Test
    void theGraphSeesDependenciesThroughClassesDescriptorsAndSignatures() {
        // runs names Setup in a generic signature (CsvSchema<Setup>), store classes in constants; market names
        // the store through a field type. Were the reader blind, the cycle check above could never fail.
        assertThat(CORE.dependencies("alpha12.core.runs"))
                .contains("alpha12.core.store", "alpha12.core.trading", "alpha12.core.analysis");
        assertThat(CORE.dependencies("alpha12.core.market")).contains("alpha12.core.store");
        assertThat(CORE.packages()).contains("alpha12.core.model.publish", "alpha12.core.model.validation");
    }

    @Test
    void aCycleIsReportedWithTheClassesThatMakeIt() {
        PackageGraph graph = PackageGraph.ofEdges(List.of("a -> b", "b -> c", "c -> a", "c -> d", "d -> e",
                "e -> d", "f -> a"));

        assertThat(graph.cycles()).containsExactly(
                "a, b, c: a -> b (a -> b); b -> c (b -> c); c -> a (c -> a);",
                "d, e: d -> e (d -> e); e -> d (e -> d);");
        assertThat(PackageGraph.ofEdges(List.of("a -> b", "b -> c", "a -> c")).cycles()).isEmpty();
    }
}
