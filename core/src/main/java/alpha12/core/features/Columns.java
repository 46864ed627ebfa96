package alpha12.core.features;

/**
 * Column index of each feature in {@link FeatureNames#ALL}. Each constant is the upper-case feature name
 * (ColumnsTest checks every one against the list).
 */
final class Columns {

    static final int RET_1 = 0;
    static final int RET_4 = 1;
    static final int RET_24 = 2;
    static final int ROC_10 = 3;
    static final int PRICE_ACCELERATION = 4;
    static final int VOLATILITY_4 = 5;
    static final int VOLATILITY_24 = 6;
    static final int VOLATILITY_168 = 7;
    static final int VOLATILITY_REGIME = 8;
    static final int ATR_RATIO = 9;
    static final int HIGH_LOW_RANGE = 10;
    static final int BB_WIDTH = 11;
    static final int BB_POSITION = 12;
    static final int TREND_STRENGTH_20 = 13;
    static final int TREND_STRENGTH_50 = 14;
    static final int TREND_REGIME = 15;
    static final int MACD_NORM = 16;
    static final int MACD_SIGNAL_NORM = 17;
    static final int MACD_HIST_NORM = 18;
    static final int ADX_14 = 19;
    static final int PLUS_DI_14 = 20;
    static final int MINUS_DI_14 = 21;
    static final int HURST_50 = 22;
    static final int LINREG_SLOPE_20 = 23;
    static final int RSI_14 = 24;
    static final int RSI_21 = 25;
    static final int STOCH_K = 26;
    static final int STOCH_D = 27;
    static final int CCI_14 = 28;
    static final int WILLIAMS_R_14 = 29;
    static final int MFI_14 = 30;
    static final int VOLUME_RATIO = 31;
    static final int VOLUME_MOMENTUM = 32;
    static final int OBV_SLOPE_10 = 33;
    static final int VOLUME_PRICE_TREND_5 = 34;
    static final int VWAP_DISTANCE_20 = 35;
    static final int BODY_SIZE = 36;
    static final int UPPER_SHADOW = 37;
    static final int LOWER_SHADOW = 38;
    static final int CLOSE_POSITION = 39;
    static final int PRICE_VS_SUPPORT_20 = 40;
    static final int PRICE_VS_RESISTANCE_20 = 41;
    static final int HTF_TREND = 42;
    static final int HTF_RSI_14 = 43;

    private Columns() {
    }
}
