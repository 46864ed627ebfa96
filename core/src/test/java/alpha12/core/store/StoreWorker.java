package alpha12.core.store;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.cli.LogSetup;
import alpha12.core.market.Interval;
import alpha12.core.runs.BackgroundAnalysisFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A separate JVM that works on a runs/ folder through {@link RunsStore}, for the process tests. It prints
 * {@code ready}, waits for a line on stdin, then does its job and exits 0:
 * <ul>
 *   <li>{@code append <dir> <writer> <n>}: n appends of one row each to background_analysis.csv;</li>
 *   <li>{@code update <dir> <writer> <n>}: n read-modify-writes, each adding one row;</li>
 *   <li>{@code bump <dir> <n>}: n read-modify-writes, each replacing the writer-U rows by
 *   {@link #BUMP_ROWS} rows of version k (in {@code features}), k = 1..n;</li>
 *   <li>{@code append-forever <dir> <writer>}: appends until killed (without waiting for stdin).</li>
 * </ul>
 */
public final class StoreWorker {

    static final Instant BASE = Instant.parse("2025-08-18T03:39:53.291825Z");
    static final int BUMP_ROWS = 40;

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        LogSetup.configure("store-worker", Optional.empty(), Map.of());
        RunsStore store = new RunsStore(Path.of(args[1]), Clock.systemUTC());
        String mode = args[0];
        if (!mode.equals("append-forever")) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        switch (mode) {
            case "append" -> {
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    store.append(BackgroundAnalysisFile.SCHEMA, row(args[2], i));
                }
            }
            case "update" -> {
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    int seq = i;
                    store.update(BackgroundAnalysisFile.SCHEMA, rows -> {
                        rows.add(row(args[2], seq));
                        return rows;
                    });
                }
            }
            case "bump" -> {
                for (int k = 1; k <= Integer.parseInt(args[2]); k++) {
                    int version = k;
                    store.update(BackgroundAnalysisFile.SCHEMA, rows -> {
                        rows.removeIf(r -> r.asset().equals("U"));
                        for (int i = 0; i < BUMP_ROWS; i++) {
                            rows.add(versioned(i, version));
                        }
                        return rows;
                    });
                }
            }
            case "append-forever" -> {
                for (int i = 0; ; i++) {
                    store.append(BackgroundAnalysisFile.SCHEMA, row(args[2], i));
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    /** A row that names its writer ({@code asset}) and its sequence number ({@code samples}). */
    static AnalysisRow row(String writer, int seq) {
        return new AnalysisRow(writer, Interval.M5, BASE.plusSeconds(seq), seq, 44, 0.5 + seq % 7 / 100.0,
                0.49, 0.505, 0.484, 0.451, 0.413, List.of("rsi_14", "atr_ratio"), "rf", true);
    }

    /** Row {@code seq} of writer U at {@code version}. */
    static AnalysisRow versioned(int seq, int version) {
        return new AnalysisRow("U", Interval.M5, BASE.plusSeconds(seq), seq, version, 0.5, 0.49, 0.505, 0.484,
                0.451, 0.413, List.of(), "rf", true);
    }
}
