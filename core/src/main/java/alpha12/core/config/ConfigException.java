package alpha12.core.config;

import java.util.List;

/**
 * Configuration values are wrong. Each problem is one line naming the key, the bad value and what is
 * accepted; the daemons print every line and exit with code 78 (EX_CONFIG) before doing any work.
 */
public class ConfigException extends RuntimeException {

    public static final int EXIT_CODE = 78;

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** @param problems one line each, at least one */
    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, one line each, in the order the keys were checked. */
    public List<String> problems() {
        return problems;
    }

    public static ConfigException badValue(String key, String value, String accepted) {
        return new ConfigException(key + "=" + value + " is not valid; accepted: " + accepted);
    }
}
