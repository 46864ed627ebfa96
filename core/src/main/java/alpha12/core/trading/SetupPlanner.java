package alpha12.core.trading;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Turns a scored candle into a pending auto {@link Setup}: limit entry a fraction of an ATR from the close,
 * stop at least a minimum fraction of the entry away, target a fixed multiple of that risk, and a size
 * that risks a fixed share of the balance without exceeding the maximum leverage.
 */
public final class SetupPlanner {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]+");
    // The ids are identifiers, not stored times: they keep the original's layouts, always in UTC.
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UNIQUE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(ZoneOffset.UTC);

    private final SetupSettings settings;

    public SetupPlanner(SetupSettings settings) {
        requirePositive("K_ENTRY_ATR", settings.kEntryAtr(), true);
        requirePositive("K_STOP_ATR", settings.kStopAtr(), true);
        requirePositive("STOP_MIN_FRAC", settings.stopMinFrac(), true);
        requirePositive("MIN_RR", settings.minRr(), false);
        requirePositive("ENTRY_BUFFER_BPS", settings.entryBufferBps(), true);
        requirePositive("ACCOUNT_BALANCE_USD", settings.accountBalanceUsd(), false);
        requirePositive("RISK_PER_TRADE_PCT", settings.riskPerTradePct(), false);
        requirePositive("MAX_LEVERAGE", settings.maxLeverage(), false);
        if (settings.validBars() < 1) {
            throw new IllegalArgumentException("VALID_BARS must be at least 1, got " + settings.validBars());
        }
        if (settings.kStopAtr() == 0 && settings.stopMinFrac() == 0) {
            throw new IllegalArgumentException("K_STOP_ATR and STOP_MIN_FRAC are both 0: the stop would sit at the entry");
        }
        this.settings = settings;
    }

    /**
     * The setup for the candle of {@code interval} that closed at {@code candleClose} with last close
     * {@code close} and ATR(14) {@code atr}, in the direction the model chose with {@code confidence}.
     */
    public Setup plan(Timeframe timeframe, Direction direction, double confidence, Instant candleClose,
                      double close, double atr) {
        String asset = timeframe.asset();
        Interval interval = timeframe.interval();
        requireAsset(asset);
        if (!interval.isAligned(candleClose.toEpochMilli())) {
            throw new IllegalArgumentException("candle close " + candleClose + " is not a " + interval
                    + " bar boundary");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        if (!(close > 0) || Double.isInfinite(close)) {
            throw new IllegalArgumentException("close must be a positive price, got " + close);
        }
        if (!(atr > 0) || Double.isInfinite(atr)) {
            throw new IllegalArgumentException("ATR must be positive and finite, got " + atr);
        }
        int sign = direction.sign();
        double entry = close - sign * settings.kEntryAtr() * atr;
        double risk = Math.max(settings.kStopAtr() * atr, settings.stopMinFrac() * entry);
        double stop = entry - sign * risk;
        double target = entry + sign * settings.minRr() * risk;
        if (!(entry > 0) || !(stop > 0)) {
            throw new IllegalArgumentException("ATR " + atr + " is too large for close " + close
                    + ": entry " + entry + " and stop " + stop + " must both be positive");
        }
        Instant expiresAt = candleClose.plusMillis(settings.validBars() * interval.millis());
        return new Setup(autoId(timeframe, candleClose), autoUniqueId(timeframe, direction, candleClose), timeframe,
                direction, confidence, Origin.AUTO, new Setup.Levels(entry, stop, target, settings.minRr()),
                size(entry, risk), new Setup.Trigger(settings.triggerRule(), settings.entryBufferBps()),
                Setup.Lifecycle.pending(candleClose, expiresAt, settings.validBars()));
    }

    /**
     * Units that lose {@code riskPerTradePct} % of the balance when the stop is hit, cut where the notional
     * would exceed {@code maxLeverage} × balance (the trade then risks less than planned).
     */
    Setup.Sizing size(double entry, double riskPerUnit) {
        double balance = settings.accountBalanceUsd();
        double units = balance * settings.riskPerTradePct() / 100.0 / riskPerUnit;
        double notional = units * entry;
        double leverage = notional / balance;
        if (leverage > settings.maxLeverage()) {
            // Set the capped values directly so rounding can never leave leverage a hair above the cap.
            notional = settings.maxLeverage() * balance;
            units = notional / entry;
            leverage = settings.maxLeverage();
        }
        return new Setup.Sizing(units, notional, leverage);
    }

    /** {@code AUTO-<ASSET>-<INTERVAL>-<yyyyMMdd_HHmmss>} of the candle close (UTC): one id per scored candle. */
    public static String autoId(Timeframe timeframe, Instant candleClose) {
        return "AUTO-" + timeframe.asset() + "-" + timeframe.interval().code() + "-" + ID_TIME.format(candleClose);
    }

    /** {@code AUTO-<ASSET>-<INTERVAL>-<LONG|SHORT>-<yyyyMMdd-HHmm>} of the candle close (UTC). */
    public static String autoUniqueId(Timeframe timeframe, Direction direction, Instant candleClose) {
        return "AUTO-" + timeframe.asset() + "-" + timeframe.interval().code() + "-" + direction.name() + "-"
                + UNIQUE_ID_TIME.format(candleClose);
    }

    private static void requireAsset(String asset) {
        if (asset == null || !ASSET.matcher(asset).matches()) {
            throw new IllegalArgumentException("asset must be a symbol of capital letters and digits such as BTCUSDT,"
                    + " got '" + asset + "'");
        }
    }

    private static void requirePositive(String key, double v, boolean zeroAllowed) {
        boolean ok = Double.isFinite(v) && (zeroAllowed ? v >= 0 : v > 0);
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + (zeroAllowed ? "zero or positive" : "positive")
                    + " and finite, got " + v);
        }
    }
}
