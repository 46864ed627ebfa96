package alpha12.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=value} lines, {@code #} comment lines, blank lines, an optional
 * {@code export } prefix, and single- or double-quoted values (double quotes understand {@code \n},
 * {@code \"} and {@code \\}). An unquoted value ends at {@code " #"}, so a trailing comment is not
 * part of it while {@code a#b} stays whole. A later line wins over an earlier one with the same key.
 * Variables are not expanded. A line that is none of these is a {@link ConfigException}.
 */
public final class EnvFile {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");

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
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = EXPORT.matcher(line).replaceFirst("");
            String where = origin + " line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + " is not KEY=value: '" + abbreviate(line)
                        + "'; accepted: KEY=value, # comments, blank lines, an optional 'export ' and quotes");
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(where + " has an invalid key '" + abbreviate(key)
                        + "'; accepted: letters, digits and underscores, not starting with a digit");
            }
            values.put(key, value(line.substring(eq + 1).strip(), where));
        }
        return values;
    }

    private static String value(String raw, String where) {
        if (raw.isEmpty()) {
            return "";
        }
        char q = raw.charAt(0);
        if (q != '"' && q != '\'') {
            int comment = raw.indexOf(" #");
            int tabComment = raw.indexOf("\t#");
            if (comment < 0 || (tabComment >= 0 && tabComment < comment)) {
                comment = tabComment;
            }
            return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == q) {
                String rest = raw.substring(i + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    throw new ConfigException(where + " has text after the closing " + q + ": '" + abbreviate(rest)
                            + "'; accepted: a quoted value, then only a # comment");
                }
                return out.toString();
            }
            if (q == '"' && c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case '"', '\\' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        throw new ConfigException(where + " has an unterminated " + q + "-quoted value; accepted: a value closed "
                + "by the same quote on the same line");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
