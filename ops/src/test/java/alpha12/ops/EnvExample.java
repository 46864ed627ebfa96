package alpha12.ops;

import alpha12.core.config.KeySpec;
import alpha12.core.config.KeySpec.Group;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code .env.example} from the configuration registry, so the committed file can be compared
 * with it (and regenerated) instead of drifting. The format suits both the daemons' own {@code .env}
 * reader and systemd's {@code EnvironmentFile=}: plain {@code KEY=value}, comments on their own lines.
 */
final class EnvExample {

    /** {@code KEY=value} or a commented-out {@code # KEY=}; never a description line. */
    private static final Pattern KEY_LINE = Pattern.compile("^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$");

    private static final String HEADER = """
            # Alpha12 settings: every key the daemons read, each with its built-in default.
            #
            # Development: start_background_analysis.sh copies this file to .env at the repository root
            # (the jars read ./.env when present). Production: ops/install.sh copies it to
            # /etc/alpha12/alpha12.env (mode 600), which systemd hands to the daemons as their environment.
            # Precedence: built-in default < this file < process environment < command-line option.
            # A commented-out or empty key means the default. Keep comments on their own lines: systemd's
            # EnvironmentFile= would keep a trailing "# ..." as part of the value.
            # None of these keys is a secret.
            #
            # Generated from alpha12.core.config.ConfigKeys by ops/src/test/java/alpha12/ops/EnvExample.java;
            # a test fails when they differ. Change the registry, then regenerate with:
            #   mvn -B -o -pl ops -am test -Dtest=EnvExampleTest -Dsurefire.failIfNoSpecifiedTests=false -Dalpha12.writeEnvExample=true
            """;

    private EnvExample() {
    }

    static String render(List<KeySpec> keys) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Group group : Group.values()) {
            List<KeySpec> inGroup = keys.stream().filter(k -> k.group() == group).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            out.append("\n# ===== ").append(title(group)).append(" =====\n");
            for (KeySpec key : inGroup) {
                out.append("\n# ").append(key.description()).append('\n');
                if (key.defaultValue() == null) {
                    out.append("# ").append(key.name()).append("=\n");
                } else {
                    out.append(key.name()).append('=').append(key.defaultValue()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Every key the file names, set or commented out, in file order. */
    static Set<String> keys(List<String> lines) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = KEY_LINE.matcher(line);
            if (m.matches()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static String title(Group group) {
        return switch (group) {
            case GENERAL -> "All three daemons";
            case ANALYSIS -> "background-analysis";
            case MODEL -> "background-analysis: labels and models";
            case MONITOR -> "background-analysis: performance monitor (retrains a timeframe whose live results degrade)";
            case AUTOSIGNAL -> "autosignal";
            case TRACKER -> "tracker";
        };
    }
}
