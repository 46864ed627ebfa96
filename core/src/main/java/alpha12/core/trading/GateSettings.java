package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.util.Map;

/**
 * The autosignal gates: minimum confidence per interval (falling back to {@code minConfArm}),
 * the SMA(200) regime gate, and the daily cap of auto setups per asset and interval (0 = no cap).
 */
public record GateSettings(double minConfArm, Map<Interval, Double> minConfByInterval, boolean regimeGate,
                           int maxSetupsPerDay) {

    public static final GateSettings DEFAULT = new GateSettings(0.60, Map.of(), true, 2);

    public double minConfidence(Interval interval) {
        return minConfByInterval.getOrDefault(interval, minConfArm);
    }
}
