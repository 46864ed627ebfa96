package alpha12.core.config;

import java.util.Optional;

/**
 * One configuration key: its name (the original system's, where it had one), the daemon that reads it,
 * its default ({@code null} when unset by default) and a one-line description for {@code .env.example}.
 */
public record KeySpec(String name, Group group, String defaultValue, String description) {

    /** Which daemon reads a key; {@link #GENERAL} keys are read by all three. */
    public enum Group { GENERAL, ANALYSIS, MODEL, MONITOR, AUTOSIGNAL, TRACKER }

    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
