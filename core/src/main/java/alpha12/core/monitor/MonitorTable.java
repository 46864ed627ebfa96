package alpha12.core.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The monitor's report as a small fixed-width table, for the {@code monitor} command and logs. */
public final class MonitorTable {

    private static final String ROW = "%-16s %6s %9s %9s %8s %8s %-24s %9s%n";

    private MonitorTable() {
    }

    public static String render(List<TimeframeReport> reports) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "asset/interval", "trades", "win rate", "min wr", "PF",
                "min PF", "verdict", "cooldown"));
        for (TimeframeReport r : reports) {
            PerformanceMetrics m = r.metrics();
            PerformanceThresholds t = r.thresholds();
            out.append(String.format(Locale.ROOT, ROW, m.asset() + " " + m.interval().code(),
                    m.totalTrades() + "/" + t.minTrades(), ratio(m.winRate()), ratio(t.winRate()),
                    ratio(m.profitFactor()), ratio(t.profitFactor()), r.verdict().text(), duration(r.cooldownLeft())));
        }
        return out.toString();
    }

    static String ratio(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String duration(Duration d) {
        if (d.isZero()) {
            return "-";
        }
        long minutes = d.toMinutes();
        return minutes >= 60 ? String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60) : minutes + "m";
    }
}
