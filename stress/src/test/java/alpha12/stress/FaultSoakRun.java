package alpha12.stress;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.runs.SetupsFile;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.Direction;
import alpha12.core.trading.Origin;
import alpha12.core.trading.Setup;
import alpha12.core.trading.TriggerRule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;

/**
 * One replay of the three packaged daemons as separate processes on one runs/ folder, each against its own
 * {@link FakeBinance} on loopback (so every request is known to come from one daemon), with the daemons'
 * heartbeats watched while they run.
 */
final class FaultSoakRun implements AutoCloseable {

    /** The client timeout the daemons run with (seconds): the smallest accepted, so slow faults cost little. */
    static final int HTTP_TIMEOUT_SECONDS = 1;

    private final String label;
    private final Path dir;
    private final FaultSoakSettings settings;
    private final Map<FaultSoakDaemon, FakeBinance> fakes = new EnumMap<>(FaultSoakDaemon.class);
    private final Map<FaultSoakDaemon, MockWebServer> servers = new EnumMap<>(FaultSoakDaemon.class);
    private final Map<FaultSoakDaemon, Process> processes = new EnumMap<>(FaultSoakDaemon.class);
    private final FaultSoakHeartbeats heartbeats;

    FaultSoakRun(String label, Path dir, FaultPlan plan, FaultSoakSettings settings) {
        this.label = label;
        this.dir = dir;
        this.settings = settings;
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            // one seed per daemon, so the three fault sequences differ
            FaultPlan own = new FaultPlan(plan.share(), plan.faultsUntil(), plan.faults(),
                    plan.maxRetryAfterSeconds(), plan.seed() * 31 + d.ordinal());
            fakes.put(d, new FakeBinance(own, Duration.ofSeconds(HTTP_TIMEOUT_SECONDS)));
        }
        this.heartbeats = new FaultSoakHeartbeats(runs());
    }

    Path runs() {
        return dir.resolve("runs");
    }

    String label() {
        return label;
    }

    /**
     * Starts the fakes, leaves a user's setup in runs/ (so the tracker has work from its first poll), starts
     * the daemons.
     */
    void start() throws IOException {
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dir + " is not empty; a soak run needs a fresh folder");
                }
            }
        }
        Files.createDirectories(runs());
        seedSetup();
        heartbeats.start();
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            MockWebServer server = new MockWebServer();
            server.setDispatcher(fakes.get(d));
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            servers.put(d, server);
        }
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            processes.put(d, launch(d));
        }
    }

    private Process launch(FaultSoakDaemon d) throws IOException {
        if (!Files.isRegularFile(d.jar())) {
            throw new IllegalStateException(d.jar() + " is missing; the stress tests run the packaged daemons "
                    + "(mvn -B -Pstress -pl stress -am verify packages them first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FaultSoakUnitFlags.of(d));
        command.addAll(List.of("-jar", d.jar().toString(), "--now", settings.start().toString(),
                "--replay-to", FaultSoakSettings.END.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log(d).toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("ALPHA12_"));
        builder.environment().putAll(env(servers.get(d)));
        return builder.start();
    }

    /**
     * The settings of all three: the analysis on 15m and 4h, autosignal on 1h (disjoint, so autosignal's model
     * is its own bootstrap and does not depend on when the analysis happened to publish), small forests,
     * every candle a setup candidate, the tracker polling hourly.
     */
    private Map<String, String> env(MockWebServer server) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ALPHA12_BINANCE_BASE_URL", "http://127.0.0.1:" + server.getPort());
        env.put("ALPHA12_HTTP_TIMEOUT_SECONDS", Integer.toString(HTTP_TIMEOUT_SECONDS));
        env.put("ALPHA12_RUNS_DIR", runs().toString());
        env.put("ALPHA12_SOURCE", "binance");
        env.put("ALPHA12_TRAINING_INTERVALS", "15m,4h");
        env.put("ALPHA12_ANALYSIS_SLEEP", "7200");
        env.put("ALPHA12_ANALYSIS_DAYS", "1");
        env.put("ALPHA12_RF_TREES", "10");
        env.put("ALPHA12_AUTOSIGNAL_INTERVALS", "1h");
        env.put("ALPHA12_SLEEP", "3600");
        env.put("MIN_CONF_ARM", "0.5");
        env.put("GATE_REGIME", "0");
        env.put("MAX_SETUPS_PER_DAY", "0");
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** A far-away manual limit order from before the replay, as a user's runs/ folder would hold. */
    private void seedSetup() {
        Instant created = settings.start().minus(Duration.ofDays(1));
        Setup setup = new Setup("MANUAL-BTCUSDT-1d-" + created.atOffset(ZoneOffset.UTC).toLocalDate(),
                "MANUAL-BTCUSDT-1d-LONG-" + created.toEpochMilli(), new Timeframe("BTCUSDT", Interval.D1),
                Direction.LONG, 0.6, Origin.MANUAL, new Setup.Levels(30_000, 29_000, 32_000, 2.0), new Setup.Sizing(0.01, 300, 0.75),
                new Setup.Trigger(TriggerRule.TOUCH, 5.0),
                Setup.Lifecycle.pending(created, FaultSoakSettings.END.plus(Duration.ofDays(60)), 30));
        new RunsStore(runs(), Clock.fixed(created, ZoneOffset.UTC)).append(SetupsFile.SCHEMA, setup);
    }

    /**
     * Waits for every daemon to end, up to the deadline, and returns the exit codes; a daemon still running
     * at the deadline is killed and reported as -1.
     */
    Map<FaultSoakDaemon, Integer> awaitExit(Instant deadline) throws InterruptedException {
        Map<FaultSoakDaemon, Integer> codes = new EnumMap<>(FaultSoakDaemon.class);
        for (Map.Entry<FaultSoakDaemon, Process> e : processes.entrySet()) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            Process p = e.getValue();
            if (p.waitFor(left, TimeUnit.MILLISECONDS)) {
                codes.put(e.getKey(), p.exitValue());
            } else {
                p.destroyForcibly().waitFor();
                codes.put(e.getKey(), -1);
            }
        }
        heartbeats.stop();
        return codes;
    }

    /**
     * Writes what each fake served to {@code <daemon>-requests.csv} next to runs/: arrival (ms after the run's
     * first request), the fake's time, the fault, the Retry-After given, whether it came too early, the request.
     */
    void writeRequestLogs() throws IOException {
        long first = Long.MAX_VALUE;
        for (FakeBinance fake : fakes.values()) {
            first = Math.min(first, fake.served().stream().mapToLong(FakeBinance.Served::arrivalNanos).min()
                    .orElse(Long.MAX_VALUE));
        }
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            StringBuilder out = new StringBuilder("arrival_ms,fake_now,fault,retry_after_s,violation,request\n");
            for (FakeBinance.Served s : fakes.get(d).served()) {
                out.append(String.format(Locale.ROOT, "%.3f,%s,%s,%d,%s,%s%n", (s.arrivalNanos() - first) / 1e6,
                        s.fakeNow(), s.fault().map(Enum::name).orElse(""), s.retryAfter().toSeconds(),
                        s.violation(), s.target()));
            }
            Files.writeString(dir.resolve(d.module() + "-requests.csv"), out, StandardCharsets.UTF_8);
        }
    }

    FakeBinance fake(FaultSoakDaemon d) {
        return fakes.get(d);
    }

    List<FaultSoakHeartbeats.Beat> beats(FaultSoakDaemon d) {
        return heartbeats.beats(d.heartbeat());
    }

    Path log(FaultSoakDaemon d) {
        return dir.resolve(d.module() + ".log");
    }

    /** The end of a daemon's output, for assertion messages. */
    String tail(FaultSoakDaemon d) {
        try {
            List<String> lines = Files.readAllLines(log(d), StandardCharsets.UTF_8);
            return label + " " + d.module() + ", last lines of " + log(d) + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Process p : processes.values()) {
            p.destroyForcibly();
        }
        heartbeats.stop();
        for (MockWebServer server : servers.values()) {
            server.close();
        }
    }
}
