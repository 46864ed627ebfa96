package alpha12.core.config;

/**
 * A configuration value is wrong. The message is one line naming the key, the bad value and what is
 * accepted; the daemons print it and exit with code 78 (EX_CONFIG) before doing any work.
 */
public class ConfigException extends RuntimeException {

    public static final int EXIT_CODE = 78;

    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException badValue(String key, String value, String accepted) {
        return new ConfigException(key + "=" + value + " is not valid; accepted: " + accepted);
    }
}
