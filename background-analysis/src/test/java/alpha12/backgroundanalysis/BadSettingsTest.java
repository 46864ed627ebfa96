package alpha12.backgroundanalysis;

import alpha12.core.testing.BadSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid setting of {@code alpha12.core.config.BadConfigValues}, given to this jar's real command line. */
class BadSettingsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("alpha12.core.config.BadConfigValues#cases")
    void exits78WithOneLineNamingTheSettingAndDoesNothing(String key, String value, String accepted) {
        BadSettings.assertRefused(BackgroundAnalysisMain.PROGRAM, new BackgroundAnalysisMain(), dir, key, value, accepted);
    }
}
