package alpha12.core.trading;

/**
 * Setup geometry and sizing (the seeds' keys): entry {@code kEntryAtr}·ATR from the close, risk
 * max({@code kStopAtr}·ATR, {@code stopMinFrac}·entry), target at {@code minRr}·risk, valid
 * {@code validBars} bars; dollar risk {@code accountBalanceUsd}·{@code riskPerTradePct}/100, leverage
 * capped at {@code maxLeverage}.
 */
public record SetupSettings(
        double kEntryAtr,
        double kStopAtr,
        double stopMinFrac,
        double minRr,
        int validBars,
        TriggerRule triggerRule,
        double entryBufferBps,
        double accountBalanceUsd,
        double riskPerTradePct,
        double maxLeverage) {

    public static final SetupSettings DEFAULT =
            new SetupSettings(0.25, 1.0, 0.005, 1.8, 24, TriggerRule.TOUCH, 5.0, 400.0, 1.0, 10.0);
}
