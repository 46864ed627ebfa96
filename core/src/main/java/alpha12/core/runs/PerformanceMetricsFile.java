package alpha12.core.runs;

import alpha12.core.monitor.PerformanceMetrics;
import alpha12.core.monitor.PerformanceThresholds;
import alpha12.core.monitor.TimeframeReport;
import alpha12.core.store.RunsStore;
import alpha12.core.store.Timestamps;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code runs/performance_metrics.json}: per {@code <ASSET>_<INTERVAL>}, the window's metrics,
 * the thresholds and the verdict. Undefined values (no trades) are {@code null}; an infinite profit
 * factor (no losing trade) is written as the string {@code "Infinity"}.
 */
public final class PerformanceMetricsFile {

    public static final String NAME = "performance_metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PerformanceMetricsFile() {
    }

    record Entry(String asset, String interval, @JsonProperty("period_days") int periodDays,
                 @JsonProperty("total_trades") int totalTrades, @JsonProperty("win_rate") Double winRate,
                 @JsonProperty("profit_factor") Double profitFactor, @JsonProperty("avg_pnl") Double avgPnl,
                 @JsonProperty("sharpe_ratio") Double sharpeRatio, @JsonProperty("max_drawdown") Double maxDrawdown,
                 @JsonProperty("min_trades") int minTrades, @JsonProperty("win_rate_threshold") double winRateThreshold,
                 @JsonProperty("profit_factor_threshold") double profitFactorThreshold, String verdict,
                 @JsonProperty("cooldown_left_hours") double cooldownLeftHours,
                 @JsonProperty("calculated_at") String calculatedAt) {
    }

    public static void write(RunsStore store, List<TimeframeReport> reports) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (TimeframeReport r : reports) {
            PerformanceMetrics m = r.metrics();
            PerformanceThresholds t = r.thresholds();
            byKey.put(r.key(), new Entry(m.asset(), m.interval().code(), m.periodDays(), m.totalTrades(),
                    orNull(m.winRate()), orNull(m.profitFactor()), orNull(m.avgPnlPct()), orNull(m.sharpeRatio()),
                    orNull(m.maxDrawdown()), t.minTrades(), t.winRate(), t.profitFactor(), r.verdict().text(),
                    r.cooldownLeft().toMinutes() / 60.0, Timestamps.format(m.calculatedAt())));
        }
        try {
            store.writeAtomically(NAME, JSON.writeValueAsString(byKey) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
