package alpha12.tracker;

import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Progress;
import alpha12.core.trading.Setup;
import alpha12.core.trading.TradeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a poll's outcomes while holding setups.csv's lock (the lock every writer of setups takes
 * first): appends the trade rows of setups that ended — unless one is already there — then rewrites the
 * setups whose state changed. A setup that someone else changed since the poll read it (a person's
 * cancel) is left as they wrote it. An active setup that already has a final trade row (the tracker was
 * killed between the two writes) is reconciled to that row's outcome.
 */
final class Commit {

    private static final Logger LOG = LoggerFactory.getLogger(Commit.class);

    /** What a poll changed; {@code dropped} are setups changed by someone else meanwhile. */
    record Result(List<TradeRecord> tradesWritten, List<Setup> setupsChanged, int reconciled, List<String> dropped) {
    }

    private final RunsStore store;
    private final double feesBpsPerSide;

    Commit(RunsStore store, double feesBpsPerSide) {
        this.store = store;
        this.feesBpsPerSide = feesBpsPerSide;
    }

    /** The setup as its trade row says it ended (with its trigger bar, if the row has one). */
    private Setup reconciled(Setup s, TradeRecord trade) {
        Setup r = s;
        if (s.lifecycle().triggerTs().isEmpty() && trade.triggerTs().isPresent()) {
            r = r.triggered(store.clock().instant(), trade.triggerTs().get());
        }
        return r.withStatus(trade.outcome().status());
    }

    Result apply(List<Setup> readBefore, Map<String, Progress> progress) {
        return store.locked(SetupsFile.NAME, () -> {
            Map<String, Setup> before = TrackerCycle.byId(readBefore, Setup::id);
            Map<String, Setup> current = TrackerCycle.byId(store.read(SetupsFile.SCHEMA), Setup::id);
            Map<String, TradeRecord> traded =
                    TrackerCycle.byId(store.read(TradeHistoryFile.SCHEMA), TradeRecord::setupId);

            Map<String, Setup> changes = new HashMap<>();
            List<TradeRecord> trades = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            int reconciled = 0;
            for (Setup s : current.values()) {
                TradeRecord existing = traded.get(s.id());
                if (s.lifecycle().status().isActive() && existing != null) {
                    changes.put(s.id(), reconciled(s, existing));
                    reconciled++;
                    LOG.warn("{}: its trade row ({}) was written before a stop; status reconciled from it", s.id(), existing.outcome());
                }
            }
            Set<String> tradedNow = new HashSet<>(traded.keySet());
            for (Map.Entry<String, Progress> e : progress.entrySet()) {
                String id = e.getKey();
                Setup now = current.get(id);
                if (now == null || !now.equals(before.get(id)) || changes.containsKey(id)) {
                    dropped.add(id);
                    continue;
                }
                Progress p = e.getValue();
                if (p.exit().isPresent() && tradedNow.add(id)) {
                    trades.add(TradeRecord.of(p.setup(), p.exit().get(), feesBpsPerSide));
                }
                changes.put(id, p.setup());
            }
            store.append(TradeHistoryFile.SCHEMA, trades);
            List<Setup> changed = new ArrayList<>();
            if (!changes.isEmpty()) {
                store.update(SetupsFile.SCHEMA, rows -> rows.stream().map(r -> {
                    Setup c = changes.get(r.id());
                    if (c != null) {
                        changed.add(c);
                        return c;
                    }
                    return r;
                }).toList());
            }
            return new Result(trades, changed, reconciled, dropped);
        });
    }
}
