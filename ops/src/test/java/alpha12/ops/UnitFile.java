package alpha12.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A systemd unit file read the way systemd reads it: {@code [Section]} headers, {@code Key=value} lines,
 * {@code #}/{@code ;} comments, and a trailing backslash joining a line to the next with a space.
 */
record UnitFile(String name, List<Setting> settings) {

    record Setting(String section, String key, String value) {
    }

    static UnitFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Setting> settings = new ArrayList<>();
        String section = "";
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String joined = pending.append(line).toString().strip();
            pending.setLength(0);
            if (joined.startsWith("[") && joined.endsWith("]")) {
                section = joined.substring(1, joined.length() - 1);
                continue;
            }
            int eq = joined.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(path + ": not Key=value: " + joined);
            }
            settings.add(new Setting(section, joined.substring(0, eq).strip(), joined.substring(eq + 1).strip()));
        }
        return new UnitFile(path.getFileName().toString(), List.copyOf(settings));
    }

    /** Every value of {@code key} in {@code section}, in file order. */
    List<String> values(String section, String key) {
        return settings.stream().filter(s -> s.section.equals(section) && s.key.equals(key))
                .map(Setting::value).toList();
    }

    /** The single value of {@code key}; fails when it is missing or repeated. */
    String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new AssertionError(name + ": expected one [" + section + "] " + key + "=, found " + values);
        }
        return values.get(0);
    }

    /** The words of ExecStart= as the program receives them: split on whitespace (the units quote nothing), {@code %%} as {@code %}. */
    List<String> execStart() {
        String line = value("Service", "ExecStart");
        if (line.replace("%%", "").contains("%")) {
            throw new AssertionError(name + ": ExecStart uses a systemd specifier these tests do not expand: " + line);
        }
        return List.of(line.replace("%%", "%").split("\\s+"));
    }
}
