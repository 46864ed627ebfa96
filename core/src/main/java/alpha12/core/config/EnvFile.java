package alpha12.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file: {@code KEY=value} lines with {@code #} comments, blank lines, an optional
 * {@code export } prefix, and single- or double-quoted values. Unquoted values end at {@code " #"}.
 */
public final class EnvFile {

    private EnvFile() {
    }

    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read env file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    static Map<String, String> parse(List<String> lines, String origin) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(origin + " line " + (i + 1) + " is not KEY=value: " + lines.get(i).strip()
                        + "; accepted: KEY=value, # comments, blank lines, optional 'export ' and quotes");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException(origin + " line " + (i + 1) + " has an invalid key '" + key
                        + "'; accepted: letters, digits and underscores");
            }
            values.put(key, value(line.substring(eq + 1).strip(), origin, i + 1));
        }
        return values;
    }

    private static String value(String raw, String origin, int lineNo) {
        if (raw.isEmpty()) {
            return "";
        }
        char q = raw.charAt(0);
        if (q == '"' || q == '\'') {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == q) {
                    return out.toString();
                }
                if (q == '"' && c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(next == 'n' ? '\n' : next);
                } else {
                    out.append(c);
                }
            }
            throw new ConfigException(origin + " line " + lineNo + " has an unterminated " + q + "-quoted value"
                    + "; accepted: a value closed by the same quote");
        }
        int hash = raw.indexOf(" #");
        if (hash < 0) {
            hash = raw.indexOf("\t#");
        }
        return (hash >= 0 ? raw.substring(0, hash) : raw).strip();
    }
}
