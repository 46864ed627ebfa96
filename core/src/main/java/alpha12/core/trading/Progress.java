package alpha12.core.trading;

import java.util.Optional;

/**
 * A setup after a replay of bars: its new state (possibly triggered, possibly final) and, when it ended, the
 * exit that the trade history records.
 */
public record Progress(Setup setup, Optional<Exit> exit) {

    public boolean ended() {
        return exit.isPresent();
    }
}
