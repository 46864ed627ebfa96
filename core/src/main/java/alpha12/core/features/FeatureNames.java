package alpha12.core.features;

import java.util.List;

/** The 44 feature columns, in their fixed order (docs/features.md describes each). */
public final class FeatureNames {

    public static final List<String> ALL = List.of(
            "ret_1", "ret_4", "ret_24", "roc_10", "price_acceleration",
            "volatility_4", "volatility_24", "volatility_168", "volatility_regime", "atr_ratio",
            "high_low_range", "bb_width", "bb_position",
            "trend_strength_20", "trend_strength_50", "trend_regime", "macd_norm", "macd_signal_norm",
            "macd_hist_norm", "adx_14", "plus_di_14", "minus_di_14", "hurst_50", "linreg_slope_20",
            "rsi_14", "rsi_21", "stoch_k", "stoch_d", "cci_14", "williams_r_14", "mfi_14",
            "volume_ratio", "volume_momentum", "obv_slope_10", "volume_price_trend_5", "vwap_distance_20",
            "body_size", "upper_shadow", "lower_shadow", "close_position", "price_vs_support_20",
            "price_vs_resistance_20",
            "htf_trend", "htf_rsi_14");

    public static final int COUNT = 44;

    static {
        if (ALL.size() != COUNT) {
            throw new IllegalStateException("expected 44 feature names, have " + ALL.size());
        }
    }

    private FeatureNames() {
    }
}
