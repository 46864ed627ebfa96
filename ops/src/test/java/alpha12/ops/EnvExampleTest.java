package alpha12.ops;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.config.CliOverrides;
import alpha12.core.config.Config;
import alpha12.core.config.ConfigKeys;
import alpha12.core.config.ConfigLoader;
import alpha12.core.config.KeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvExampleTest {

    private static final Path ENV_EXAMPLE = Repository.file(".env.example");

    @Test
    void envExampleNamesExactlyTheKeysTheConfigurationKnows() throws IOException {
        Set<String> inFile = EnvExample.keys(Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8));
        Set<String> known = new LinkedHashSet<>(ConfigKeys.all().stream().map(KeySpec::name).toList());

        Set<String> missing = new LinkedHashSet<>(known);
        missing.removeAll(inFile);
        Set<String> unknown = new LinkedHashSet<>(inFile);
        unknown.removeAll(known);
        assertThat(missing).as("keys in ConfigKeys but not in .env.example").isEmpty();
        assertThat(unknown).as("keys in .env.example that no daemon reads").isEmpty();
    }

    @Test
    void envExampleIsWhatTheRegistryRenders() throws IOException {
        String expected = EnvExample.render(ConfigKeys.all());
        if (Boolean.getBoolean("alpha12.writeEnvExample")) {
            Files.writeString(ENV_EXAMPLE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(ENV_EXAMPLE, StandardCharsets.UTF_8))
                .as(".env.example differs from ConfigKeys (defaults or descriptions changed?); regenerate it "
                        + "with -Dalpha12.writeEnvExample=true as its header says")
                .isEqualTo(expected);
    }

    @Test
    void envExampleSetsEveryKeyToItsDefault() {
        Config fromFile = ConfigLoader.load(Map.of(), Optional.of(ENV_EXAMPLE), CliOverrides.NONE).config();

        assertThat(fromFile).isEqualTo(Config.defaults());
    }

    @Test
    void envExampleReadsTheSameUnderSystemd() throws IOException {
        // systemd's EnvironmentFile= keeps quotes, backslashes and a trailing "# ..." in values and splits
        // nothing: values made of these characters mean the same to systemd and to EnvFile.
        List<String> settingLines = Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(settingLines).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("[A-Z][A-Z0-9_]*=[A-Za-z0-9_.,:/=+-]*"));
    }
}
