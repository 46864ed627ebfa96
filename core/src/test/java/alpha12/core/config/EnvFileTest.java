package alpha12.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvFileTest {

    @TempDir
    Path dir;

    @Test
    void readsKeysValuesCommentsBlankLinesExportAndQuotes() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, String.join("\r\n",
                "\uFEFF# Alpha12 settings",
                "",
                "ALPHA12_SYMBOL=BTCUSDT,ETHUSDT",
                "   ALPHA12_ANALYSIS_SLEEP = 60   # seconds",
                "export ALPHA12_RUNS_DIR=/srv/alpha12/runs",
                "export\tALPHA12_LOG_DIR='/var/log/alpha 12'",
                "TG_BOT_TOKEN=\"12:ab#cd\" # the bot",
                "URL=https://example.com/a#frag",
                "MULTI=\"line one\\nline \\\"two\\\" \\\\ \\t\"",
                "EMPTY=",
                "QUOTED_EMPTY=''",
                "ALPHA12_ANALYSIS_SLEEP=90",
                "SINGLE='no \\n escapes here'"));

        assertThat(EnvFile.read(env)).containsExactly(
                entry("ALPHA12_SYMBOL", "BTCUSDT,ETHUSDT"),
                entry("ALPHA12_ANALYSIS_SLEEP", "90"),
                entry("ALPHA12_RUNS_DIR", "/srv/alpha12/runs"),
                entry("ALPHA12_LOG_DIR", "/var/log/alpha 12"),
                entry("TG_BOT_TOKEN", "12:ab#cd"),
                entry("URL", "https://example.com/a#frag"),
                entry("MULTI", "line one\nline \"two\" \\ \\t"),
                entry("EMPTY", ""),
                entry("QUOTED_EMPTY", ""),
                entry("SINGLE", "no \\n escapes here"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "ALPHA12_SYMBOL                | .env line 1 is not KEY=value: 'ALPHA12_SYMBOL'; accepted: KEY=value",
            "=BTCUSDT                      | .env line 1 is not KEY=value: '=BTCUSDT'",
            "1KEY=x                        | .env line 1 has an invalid key '1KEY'; accepted: letters, digits and underscores",
            "MY-KEY=x                      | .env line 1 has an invalid key 'MY-KEY'",
            "KEY=\"open                    | .env line 1 has an unterminated \"-quoted value; accepted: a value closed by the same quote",
            "KEY='a'b                      | .env line 1 has text after the closing ': 'b'; accepted: a quoted value, then only a # comment",
    })
    void aLineThatIsNoSettingIsAConfigErrorNamingTheLine(String line, String message) throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, line.strip() + "\n");

        assertThatThrownBy(() -> EnvFile.read(env)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(env + message.substring(".env".length()));
    }

    @Test
    void aMissingFileIsAConfigError() {
        assertThatThrownBy(() -> EnvFile.read(dir.resolve("nope.env"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read env file " + dir.resolve("nope.env"));
    }

    @Test
    void aCommentAfterAQuotedValueIsAllowed() {
        assertThat(EnvFile.parse(List.of("A=\"x y\"   # note", "B='z'"), ".env"))
                .containsEntry("A", "x y").containsEntry("B", "z");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
