package alpha12.core.label;

import java.util.Arrays;

/**
 * The triple-barrier label of each bar of a series: 1 or 0 for bars {@link #first()} to {@link #end()}
 * (exclusive), none elsewhere. Bars before {@code first} have no ATR yet; bars from {@code end} on have an
 * incomplete horizon: they have no label, never a 0.
 */
public final class Labels {

    private final long[] openTime;
    private final byte[] value;
    private final int first;
    private final int end;
    private final int horizonBars;

    Labels(long[] openTime, byte[] value, int first, int end, int horizonBars) {
        this.openTime = openTime;
        this.value = value;
        this.first = first;
        this.end = end;
        this.horizonBars = horizonBars;
    }

    /** Number of bars of the series, labelled or not. */
    public int size() {
        return value.length;
    }

    /** First labelled bar. */
    public int first() {
        return first;
    }

    /** One past the last labelled bar: {@code size() - horizonBars} once the series is long enough. */
    public int end() {
        return end;
    }

    /** Bars ahead that each label looks at: the label of bar t is known only when bar t+H has closed. */
    public int horizonBars() {
        return horizonBars;
    }

    public boolean has(int bar) {
        return bar >= first && bar < end;
    }

    /** The label (0 or 1) of {@code bar}. */
    public int get(int bar) {
        if (!has(bar)) {
            throw new IllegalArgumentException("bar " + bar + " has no label; labelled bars are " + first + ".."
                    + (end - 1) + " of " + size());
        }
        return value[bar];
    }

    /** Open time (epoch ms) of {@code bar}. */
    public long openTime(int bar) {
        return openTime[bar];
    }

    /** True when these labels were computed on bars with exactly these open times. */
    public boolean matches(long[] openTimes) {
        return openTimes == openTime || Arrays.equals(openTimes, openTime);
    }
}
