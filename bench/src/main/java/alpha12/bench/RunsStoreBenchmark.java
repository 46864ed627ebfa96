package alpha12.bench;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.market.Interval;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.store.RunsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The growing file: {@code background_analysis.csv} gains about 1,440 rows a day (5 intervals every 5
 * minutes for one symbol). An append must cost the same whatever the file's size; a full read must be
 * linear. {@code rows} = 43,200 is a month, 525,600 a year.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RunsStoreBenchmark {

    @Param({"43200", "525600"})
    int rows;

    private Path dir;
    private RunsStore store;
    private int next;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("runs-store-bench");
        store = new RunsStore(dir, Clock.systemUTC());
        List<AnalysisRow> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(row(i));
            if (batch.size() == 10_000) {
                store.append(BackgroundAnalysisFile.SCHEMA, batch);
                batch.clear();
            }
        }
        store.append(BackgroundAnalysisFile.SCHEMA, batch);
        next = rows;
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Every row parsed and checked, as a reader of the whole history would. */
    @Benchmark
    public int readAll() {
        return store.read(BackgroundAnalysisFile.SCHEMA).size();
    }

    /** One analysis row appended (lock, header and tail check, fsync), as each cycle does. */
    @Benchmark
    public void appendOneRow() {
        store.append(BackgroundAnalysisFile.SCHEMA, row(next++));
    }

    private static AnalysisRow row(int i) {
        Interval interval = Interval.TIMEFRAMES.get(i % 5);
        return new AnalysisRow("BTCUSDT", interval, Instant.ofEpochSecond(1_755_488_393L + i * 60L, 291_825_000L),
                1000 + i % 500, 44, 0.862 + i % 100 / 1e4, 0.49, 0.5048192771084337, 0.483994653994654,
                0.4510574460517739, 0.41326083050232204, List.of("rsi_14", "atr_ratio", "ret_12"), "rf", true);
    }
}
