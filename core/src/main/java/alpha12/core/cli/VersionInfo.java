package alpha12.core.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version plus the Smile version its models are written with. */
public class VersionInfo implements IVersionProvider {

    /** Smile models are not readable across Smile versions; it is recorded in every model's meta.json. */
    public static final String SMILE_VERSION = "3.1.1";

    public static String version() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "${COMMAND-FULL-NAME} " + version(),
            "Smile " + SMILE_VERSION + ", Java " + System.getProperty("java.version")
        };
    }
}
