package alpha12.core.label;

/**
 * Triple-barrier label settings: barriers at close ± {@code atrMult}·ATR14, horizon {@code horizonBars} bars.
 */
public record LabelSettings(int horizonBars, double atrMult) {

    public static final LabelSettings DEFAULT = new LabelSettings(12, 1.0);

    public LabelSettings {
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be >= 1: " + horizonBars);
        }
        if (!(atrMult > 0) || Double.isInfinite(atrMult)) {
            throw new IllegalArgumentException("atrMult must be > 0: " + atrMult);
        }
    }
}
