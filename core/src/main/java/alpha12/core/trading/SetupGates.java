package alpha12.core.trading;

import alpha12.core.market.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Autosignal's gates over a planned candidate setup, in order: confidence, SMA(200) regime, no duplicate
 * of a setup still active at the candle close, the daily cap, and finally no second setup for a candle
 * that already has one.
 */
public final class SetupGates {

    /** Bars in the regime moving average. */
    public static final int REGIME_SMA_BARS = 200;
    /** Within this distance from the SMA (percent) the regime is neutral and both directions pass. */
    public static final double REGIME_NEUTRAL_PCT = 0.2;
    private static final Duration CAP_WINDOW = Duration.ofHours(24);

    private final GateSettings settings;

    public SetupGates(GateSettings settings) {
        if (settings.maxSetupsPerDay() < 0) {
            throw new IllegalArgumentException("MAX_SETUPS_PER_DAY must be 0 (no cap) or positive, got "
                    + settings.maxSetupsPerDay());
        }
        this.settings = settings;
    }

    /**
     * Runs the gates in order on {@code candidate} and stops at the first that blocks: the list ends with the
     * blocking decision, or holds one passing decision per gate. {@code closes} are the closed bars of the
     * candidate's interval, oldest first, ending with the scored bar; {@code existing} are all known setups.
     */
    public List<GateDecision> evaluate(Setup candidate, double[] closes, Collection<Setup> existing) {
        List<GateDecision> decisions = new ArrayList<>(Gate.values().length);
        for (Gate gate : Gate.values()) {
            GateDecision d = switch (gate) {
                case CONFIDENCE -> confidence(candidate.timeframe().interval(), candidate.confidence());
                case REGIME -> regime(candidate.direction(), closes);
                case DUPLICATE -> duplicate(candidate, existing);
                case DAILY_CAP -> dailyCap(candidate, existing);
                case SAME_CANDLE -> sameCandle(candidate, existing);
            };
            decisions.add(d);
            if (!d.passed()) {
                break;
            }
        }
        return List.copyOf(decisions);
    }

    /** True when every gate passed: the last decision of {@link #evaluate} passed. */
    public static boolean allPassed(List<GateDecision> decisions) {
        return decisions.size() == Gate.values().length && decisions.get(decisions.size() - 1).passed();
    }

    /** Gate 1: confidence at least the interval's minimum ({@code MIN_CONF_<TF>}, else {@code MIN_CONF_ARM}). */
    public GateDecision confidence(Interval interval, double confidence) {
        double min = settings.minConfidence(interval);
        String text = String.format(Locale.ROOT, "confidence %.4f %s %.4f minimum for %s", confidence,
                confidence >= min ? ">=" : "<", min, interval);
        return confidence >= min ? GateDecision.pass(Gate.CONFIDENCE, text) : GateDecision.block(Gate.CONFIDENCE, text);
    }

    /**
     * Gate 2: last close against the SMA(200) of the closes. Within ±0.2 % both directions pass; above, shorts
     * are blocked; below, longs. Fewer than 200 closes (or the gate switched off) allows both.
     */
    public GateDecision regime(Direction direction, double[] closes) {
        if (!settings.regimeGate()) {
            return GateDecision.pass(Gate.REGIME, "regime gate off");
        }
        int n = closes.length;
        if (n < REGIME_SMA_BARS) {
            return GateDecision.pass(Gate.REGIME, "regime unknown: " + n + " closes, SMA(200) needs "
                    + REGIME_SMA_BARS + "; allowed");
        }
        double sum = 0;
        for (int i = n - REGIME_SMA_BARS; i < n; i++) {
            sum += closes[i];
        }
        double sma = sum / REGIME_SMA_BARS;
        double close = closes[n - 1];
        if (!Double.isFinite(sma) || !(sma > 0)) {
            throw new IllegalArgumentException("regime gate: the last 200 closes must be positive prices, SMA is " + sma);
        }
        double pct = (close - sma) / sma * 100.0;
        String where = String.format(Locale.ROOT, "close %s is %+.3f%% from SMA(200) %s", close, pct, sma);
        if (Math.abs(pct) <= REGIME_NEUTRAL_PCT) {
            return GateDecision.pass(Gate.REGIME, "regime neutral: " + where);
        }
        Direction blocked = pct > 0 ? Direction.SHORT : Direction.LONG;
        String regime = (pct > 0 ? "regime bull: " : "regime bear: ") + where;
        return direction == blocked
                ? GateDecision.block(Gate.REGIME, regime + "; " + direction + " blocked")
                : GateDecision.pass(Gate.REGIME, regime + "; " + direction + " allowed");
    }

    /**
     * Gate 3: no pending or triggered setup (of any origin) for the same asset, interval and direction. A setup
     * whose validity has ended by the candidate's candle close does not count, whatever status the tracker has
     * written yet: it is over by then (expired or timed out), and the tracker can only write so once the bar
     * after its expiry has closed — and not at all while it is down. Without this the gate's answer would
     * depend on how far the tracker happens to have got, not on the data.
     */
    public static GateDecision duplicate(Setup candidate, Collection<Setup> existing) {
        for (Setup s : existing) {
            if (s.lifecycle().status().isActive()
                    && s.lifecycle().expiresAt().isAfter(candidate.lifecycle().createdAt())
                    && s.timeframe().equals(candidate.timeframe()) && s.direction() == candidate.direction()) {
                return GateDecision.block(Gate.DUPLICATE, s.lifecycle().status() + " setup " + s.id() + " is already "
                        + candidate.direction() + " on " + candidate.timeframe());
            }
        }
        return GateDecision.pass(Gate.DUPLICATE, "no active " + candidate.direction() + " setup on "
                + candidate.timeframe());
    }

    /**
     * Gate 4: fewer than {@code MAX_SETUPS_PER_DAY} auto setups for the asset and interval created in the 24 h
     * before the candidate's candle close (0 = no cap). Setups of every status count: a setup that ended
     * quickly, or that a person cancelled, was still created.
     */
    public GateDecision dailyCap(Setup candidate, Collection<Setup> existing) {
        int cap = settings.maxSetupsPerDay();
        if (cap == 0) {
            return GateDecision.pass(Gate.DAILY_CAP, "no daily cap");
        }
        Instant to = candidate.lifecycle().createdAt();
        Instant from = to.minus(CAP_WINDOW);
        int count = 0;
        for (Setup s : existing) {
            Instant created = s.lifecycle().createdAt();
            if (s.origin() == Origin.AUTO && s.timeframe().equals(candidate.timeframe())
                    && created.isAfter(from) && !created.isAfter(to)) {
                count++;
            }
        }
        String text = count + " auto setups on " + candidate.timeframe()
                + " in the last 24 h, cap " + cap;
        return count < cap ? GateDecision.pass(Gate.DAILY_CAP, text) : GateDecision.block(Gate.DAILY_CAP, text);
    }

    /**
     * Last check: no existing setup has the candidate's id or unique id. The id is made from the candle close,
     * so this is what keeps a candle scored twice (a restart) from adding a second setup, whatever its status.
     */
    public static GateDecision sameCandle(Setup candidate, Collection<Setup> existing) {
        for (Setup s : existing) {
            if (s.id().equals(candidate.id()) || s.uniqueId().equals(candidate.uniqueId())) {
                return GateDecision.block(Gate.SAME_CANDLE, "this candle already has setup " + s.id()
                        + " (" + s.lifecycle().status() + ")");
            }
        }
        return GateDecision.pass(Gate.SAME_CANDLE, "first setup for this candle");
    }
}
