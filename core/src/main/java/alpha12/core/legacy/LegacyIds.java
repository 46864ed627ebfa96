package alpha12.core.legacy;

import alpha12.core.trading.Origin;
import java.util.regex.Pattern;

/**
 * The setup ids the original system gave (original-system.md §6.7): autosignal's
 * {@code AUTO-<ASSET>-<TF>-<yyyyMMdd_HHmmss>} (at first {@code AUTO-<ASSET>-<TF>-<ISO time>}), the dashboard's
 * {@code <ASSET>-<TF>-<yyyyMMdd_HHmmss>} and its {@code MANUAL-<ASSET>-<TF>-<DIR>-<yyyyMMdd-HHmm[ss]>}. Any other
 * id ({@code setup_001}, {@code DEBUG-1755667743}, {@code test_fix_1755475580}) was made by a test or by hand.
 */
final class LegacyIds {

    private static final String STAMP = "\\d{8}_\\d{6}";
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([+-]\\d{2}:\\d{2}|Z)?";
    private static final String MANUAL = "MANUAL-%s-%s-(LONG|SHORT)-\\d{8}-\\d{4}(\\d{2})?";

    private LegacyIds() {
    }

    /** Whether {@code id} has a shape the original's production code gave setups of this asset and interval. */
    static boolean isProduction(String id, String asset, String interval) {
        String prefix = Pattern.quote(asset) + "-" + Pattern.quote(interval) + "-";
        return id.matches("AUTO-" + prefix + "(" + STAMP + "|" + ISO + ")")
                || id.matches(prefix + STAMP)
                || id.matches(String.format(MANUAL, Pattern.quote(asset), Pattern.quote(interval)));
    }

    /** Who made the setup, read from its id: {@code AUTO-} ids are autosignal's, the rest a person's. */
    static Origin origin(String id) {
        return id.startsWith("AUTO-") ? Origin.AUTO : Origin.MANUAL;
    }
}
