package alpha12.tracker;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.KlineSource;
import alpha12.core.market.Timeframe;
import alpha12.core.runs.SetupsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SetupLifecycle;
import alpha12.core.trading.SetupStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the tracker: fetch the closed bars since the last one replayed (1-minute bars, or the setups'
 * own interval where the source has no 1m data) once per asset, replay them over every active setup, then
 * record the outcomes — trade rows first, setup statuses second, so a kill between the two leaves a
 * setup that {@link Commit} reconciles from its trade row on the next poll.
 */
final class TrackerCycle {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerCycle.class);

    private final RunsStore store;
    private final KlineSource source;
    private final Clock clock;
    private final double feesBpsPerSide;
    /** Per setup id: the open time after the last bar already replayed; next polls fetch from there. */
    private final Map<String, Long> replayedUntil = new HashMap<>();

    TrackerCycle(RunsStore store, KlineSource source, Clock clock, double feesBpsPerSide) {
        this.store = store;
        this.source = source;
        this.clock = clock;
        this.feesBpsPerSide = feesBpsPerSide;
    }

    /** Replays everything closed up to now; returns what changed. */
    Commit.Result poll() {
        Instant now = clock.instant();
        List<Setup> active = store.read(SetupsFile.SCHEMA).stream().filter(s -> s.lifecycle().status().isActive())
                .toList();
        Map<String, Progress> progress = new LinkedHashMap<>();
        Map<Timeframe, List<Setup>> groups = active.stream().collect(Collectors.groupingBy(
                s -> new Timeframe(s.timeframe().asset(), barInterval(s)), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Timeframe, List<Setup>> group : groups.entrySet()) {
            try {
                replay(group.getKey(), group.getValue(), now, progress);
            } catch (RuntimeException e) {
                LOG.warn("{} {}: cannot replay {} setup(s) this poll: {}", group.getKey().asset(),
                        group.getKey().interval(), group.getValue().size(), e.getMessage());
            }
        }
        Commit.Result result = new Commit(store, feesBpsPerSide).apply(active, progress);
        result.dropped().forEach(replayedUntil::remove);
        replayedUntil.keySet().retainAll(active.stream().map(Setup::id).collect(Collectors.toSet()));
        return result;
    }

    private void replay(Timeframe key, List<Setup> setups, Instant now, Map<String, Progress> progress) {
        long from = setups.stream().mapToLong(this::replayFrom).min().orElseThrow();
        List<Kline> bars = source.closedKlines(key.asset(), key.interval(), Instant.ofEpochMilli(from), now);
        if (bars.isEmpty()) {
            return;
        }
        SetupLifecycle lifecycle = new SetupLifecycle(KlineSeries.of(key.asset(), key.interval(), bars));
        long next = bars.get(bars.size() - 1).openTime() + key.interval().millis();
        for (Setup s : setups) {
            Progress p = lifecycle.advance(s, now);
            if (!p.setup().equals(s)) {
                progress.put(s.id(), p);
            }
            replayedUntil.put(s.id(), next);
        }
    }

    private long replayFrom(Setup s) {
        Long known = replayedUntil.get(s.id());
        if (known != null) {
            return known;
        }
        Setup.Lifecycle life = s.lifecycle();
        Instant start = life.status() == SetupStatus.TRIGGERED ? life.triggerTs().orElse(life.createdAt())
                : life.createdAt();
        return Math.max(start.toEpochMilli(), life.createdAt().toEpochMilli());
    }

    private Interval barInterval(Setup s) {
        return source.has(s.timeframe().asset(), Interval.M1) ? Interval.M1 : s.timeframe().interval();
    }

    static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(id.apply(r), r));
        return out;
    }
}
