package alpha12.core.cli;

import alpha12.core.model.publish.ModelFile;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version plus the Smile version its models are written with. */
public class VersionInfo implements IVersionProvider {

    public static String version() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "${COMMAND-FULL-NAME} " + version(),
            "Smile " + ModelFile.SMILE_VERSION + ", Java " + System.getProperty("java.version")
        };
    }
}
