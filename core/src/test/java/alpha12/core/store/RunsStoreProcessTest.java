package alpha12.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.analysis.AnalysisRow;
import alpha12.core.runs.BackgroundAnalysisFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store's guarantees between real, separate JVM processes (see {@link StoreWorker}). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunsStoreProcessTest {

    private static final String FILE = BackgroundAnalysisFile.NAME;

    /**
     * These tests are about locks and renames, which tmpfs implements like a disk file system; on tmpfs an
     * fsync is free, on this shared build machine's disk it costs milliseconds, thousands of times over.
     */
    private static final Path FAST_TMP = Path.of("/dev/shm");

    Path runs;

    @TempDir
    Path logs;

    private final Map<Process, Path> started = new LinkedHashMap<>();

    @BeforeEach
    void createRuns() throws IOException {
        Path parent = Files.isDirectory(FAST_TMP) && Files.isWritable(FAST_TMP) ? FAST_TMP : logs;
        runs = Files.createTempDirectory(parent, "alpha12-runs-");
    }

    @AfterEach
    void stopWorkersAndDeleteRuns() throws IOException {
        started.keySet().forEach(Process::destroyForcibly);
        for (Process p : started.keySet()) {
            p.onExit().join();
        }
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void twoProcessesAppendingAThousandRowsEachLeaveExactlyTwoThousandIntactRows() throws Exception {
        Process a = worker("append", runs.toString(), "A", "1000");
        Process b = worker("append", runs.toString(), "B", "1000");
        go(a, b);
        awaitSuccess(a, b);

        List<String> lines = Files.readAllLines(runs.resolve(FILE));
        assertThat(lines).hasSize(2001);
        assertThat(lines.get(0)).isEqualTo(BackgroundAnalysisFile.SCHEMA.header());
        List<AnalysisRow> rows = store().read(BackgroundAnalysisFile.SCHEMA);
        assertThat(rows).hasSize(2000);
        assertThat(sequences(rows, "A")).isEqualTo(range(1000));
        assertThat(sequences(rows, "B")).isEqualTo(range(1000));
        assertThat(rows).allSatisfy(r -> assertThat(r).isEqualTo(StoreWorker.row(r.asset(), r.samples())));
        assertThat(runs.resolve(FILE + ".rejected")).doesNotExist();
    }

    @Test
    void aRewriterAndAnAppenderInSeparateProcessesLoseNothing() throws Exception {
        Process updater = worker("update", runs.toString(), "U", "200");
        Process appender = worker("append", runs.toString(), "A", "800");
        go(updater, appender);
        awaitSuccess(updater, appender);

        List<AnalysisRow> rows = store().read(BackgroundAnalysisFile.SCHEMA);
        assertThat(sequences(rows, "U")).isEqualTo(range(200));
        assertThat(sequences(rows, "A")).isEqualTo(range(800));
        assertThat(rows).hasSize(1000);
        assertThat(runs.resolve(FILE + ".rejected")).doesNotExist();
    }

    @Test
    void aReaderWithoutLockNeverSeesAPartialOrEmptyFileDuringAThousandRewrites() throws Exception {
        store().append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("seed", 0));
        Process rewriter = worker("bump", runs.toString(), "1000");
        Path file = runs.resolve(FILE);
        String problem = null;
        Set<Integer> versionsSeen = new TreeSet<>();
        go(rewriter);
        while (rewriter.isAlive() && problem == null) {
            List<String> lines = Files.readAllLines(file);
            problem = checkSnapshot(lines);
            versionsSeen.add(lines.size() < 3 ? 0 : Integer.parseInt(lines.get(2).split(",")[4]));
        }
        awaitSuccess(rewriter);

        assertThat(problem).as("what the reader saw").isNull();
        assertThat(versionsSeen).as("file versions the reader saw").hasSizeGreaterThan(1);
        List<String> last = Files.readAllLines(file);
        assertThat(checkSnapshot(last)).isNull();
        assertThat(last.get(2).split(",")[4]).isEqualTo("1000");
    }

    /**
     * Null when the lines are a whole file: the header, the seed row alone (before the first rewrite) or
     * followed by all of U's rows 0..39 of one version, every line intact.
     */
    private static String checkSnapshot(List<String> lines) {
        if (lines.size() != 2 && lines.size() != 2 + StoreWorker.BUMP_ROWS) {
            return "a file of " + lines.size() + " line(s): " + lines;
        }
        if (!lines.get(0).equals(BackgroundAnalysisFile.SCHEMA.header())) {
            return "a first line that is not the header: " + lines.get(0);
        }
        if (!lines.get(1).startsWith("seed,")) {
            return "a second line that is not the seed row: " + lines.get(1);
        }
        String version = lines.size() > 2 ? lines.get(2).split(",")[4] : "";
        for (int i = 2; i < lines.size(); i++) {
            String expected = "U,5m," + Timestamps.format(StoreWorker.BASE.plusSeconds(i - 2)) + "," + (i - 2) + ","
                    + version + ",0.5,0.49,0.505,0.484,0.451,0.413,[],rf,True";
            if (!lines.get(i).equals(expected)) {
                return "line " + (i + 1) + " is not U row " + (i - 2) + " of version " + version + ": " + lines.get(i);
            }
        }
        return null;
    }

    @Test
    void aWriterKilledWhileAppendingLeavesOnlyIntactRowsAndItsLockFree() throws Exception {
        Process writer = worker("append-forever", runs.toString(), "K");
        Path file = runs.resolve(FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lineCount(file) < 200 && System.nanoTime() < deadline && writer.isAlive()) {
            Thread.onSpinWait();
        }
        writer.destroyForcibly().waitFor();
        assertThat(lineCount(file)).as("lines the killed writer had written").isGreaterThanOrEqualTo(200);

        RunsStore store = store();
        store.append(BackgroundAnalysisFile.SCHEMA, StoreWorker.row("after", 0));
        List<AnalysisRow> rows = store.read(BackgroundAnalysisFile.SCHEMA);

        List<AnalysisRow> killed = rows.stream().filter(r -> r.asset().equals("K")).toList();
        assertThat(sequences(killed, "K")).isEqualTo(range(killed.size()));
        assertThat(rows.get(rows.size() - 1)).isEqualTo(StoreWorker.row("after", 0));
        assertThat(Files.readAllLines(file)).hasSize(rows.size() + 1);
    }

    private static long lineCount(Path file) throws IOException {
        try {
            return Files.readString(file).chars().filter(c -> c == '\n').count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private RunsStore store() {
        return new RunsStore(runs, Clock.systemUTC());
    }

    private static Set<Integer> sequences(List<AnalysisRow> rows, String writer) {
        List<Integer> seqs = rows.stream().filter(r -> r.asset().equals(writer)).map(AnalysisRow::samples).toList();
        assertThat(seqs).as("rows of " + writer + " are unique").doesNotHaveDuplicates();
        return Set.copyOf(seqs);
    }

    private static Set<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toSet());
    }

    private Process worker(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), StoreWorker.class.getName()));
        command.addAll(List.of(args));
        Path log = logs.resolve("worker-" + started.size() + ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        started.put(p, log);
        return p;
    }

    /** Waits until every worker is ready, then starts them all at once. */
    private static void go(Process... workers) throws IOException {
        for (Process p : workers) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("worker handshake").isEqualTo("ready");
        }
        for (Process p : workers) {
            OutputStream in = p.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private void awaitSuccess(Process... workers) throws InterruptedException, IOException {
        for (Process p : workers) {
            assertThat(p.waitFor(100, TimeUnit.SECONDS)).as("worker finished").isTrue();
            assertThat(p.exitValue()).as("worker exit code; its stderr: %s", Files.readString(started.get(p)))
                    .isZero();
        }
    }
}
