package alpha12.core.config;

import alpha12.core.market.Interval;
import alpha12.core.trading.GateSettings;
import alpha12.core.trading.SetupSettings;
import java.util.List;

/** Autosignal: the timeframes it trades (1h and longer), its gates and its setup geometry. */
public record AutosignalSettings(List<Interval> intervals, GateSettings gates, SetupSettings setup) {
}
