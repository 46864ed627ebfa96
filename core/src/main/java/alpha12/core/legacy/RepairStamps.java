package alpha12.core.legacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Detects {@code created_at} values the original's repair pass wrote. That pass replaced a missing
 * created_at with the time of the repair, for every such row in one loop (original-system.md §7.2,
 * §11.2.14), so a dozen setups created hours or days apart ended up "created" within the same millisecond.
 * Independently created setups never share a second: two different setups whose created_at lie within
 * {@link #WINDOW} of each other are both repair stamps, and neither is a creation time.
 *
 * <p>A setup is known by several names (its id, its unique_id, which the dashboard used as the trade row's
 * setup_id); entries sharing a name are the same setup.
 */
final class RepairStamps {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private final TreeMap<Instant, List<Set<String>>> setups = new TreeMap<>();

    void add(Set<String> names, Instant createdAt) {
        setups.computeIfAbsent(createdAt, k -> new ArrayList<>()).add(Set.copyOf(names));
    }

    /**
     * A name of every other setup created within {@link #WINDOW} of {@code createdAt}; empty when it is a
     * plausible creation time.
     */
    List<String> neighbours(Set<String> names, Instant createdAt) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Instant, List<Set<String>>> e
                : setups.subMap(createdAt.minus(WINDOW), true, createdAt.plus(WINDOW), true).entrySet()) {
            for (Set<String> other : e.getValue()) {
                if (Collections.disjoint(other, names) && out.stream().noneMatch(other::contains)) {
                    out.add(other.stream().sorted().findFirst().orElseThrow());
                }
            }
        }
        return out;
    }
}
