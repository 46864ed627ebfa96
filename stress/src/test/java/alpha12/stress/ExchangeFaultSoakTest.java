package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.FeaturesAtSignalFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three packaged daemons replay 30 days against fake Binances that spoil 15% of the answers for the first
 * 23 days (429/418 with Retry-After, 5xx, HTML pages, slow and stalled bodies, truncated JSON, cut
 * connections, open candles), next to the same replay against fault-free fakes. Sizes come from system
 * properties ({@link FaultSoakSettings}); docs/stress.md has the longer soak's command and results.
 */
class ExchangeFaultSoakTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a daemon may go without a heartbeat: its slowest cycle under these faults is ~30 s. */
    private static final Duration HEARTBEAT_GAP = Duration.ofSeconds(90);

    @TempDir
    private Path tmp;

    /** The runs go to {@code -Dalpha12.faults.dir} when given (kept for inspection), else to a temporary folder. */
    private Path base() {
        String dir = System.getProperty(FaultSoakSettings.PREFIX + "dir");
        return dir == null || dir.isBlank() ? tmp : Path.of(dir).toAbsolutePath();
    }

    @Test
    void daemonsRideOutExchangeFaultsAndCatchUpWithAFaultFreeRun() throws Exception {
        FaultSoakSettings settings = FaultSoakSettings.fromSystemProperties();
        long started = System.nanoTime();
        try (FaultSoakRun faulty = new FaultSoakRun("faulty", base().resolve("faulty"), settings.plan(), settings);
             FaultSoakRun clean = new FaultSoakRun("fault-free", base().resolve("fault-free"), FaultPlan.none(),
                     settings)) {
            faulty.start();
            clean.start();
            Instant deadline = Instant.now().plus(settings.deadline());
            Map<FaultSoakDaemon, Integer> faultyExits = faulty.awaitExit(deadline);
            Map<FaultSoakDaemon, Integer> cleanExits = clean.awaitExit(deadline);
            faulty.writeRequestLogs();
            clean.writeRequestLogs();
            System.out.println(summary(settings, faulty, clean, Duration.ofNanos(System.nanoTime() - started)));

            for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
                assertThat(faultyExits.get(d)).as(faulty.tail(d)).isZero();
                assertThat(cleanExits.get(d)).as(clean.tail(d)).isZero();
            }
            everyFaultWasServedOften(settings, faulty);
            retryAfterWasAlwaysHonoured(faulty);
            heartbeatsKeptComing(settings, faulty);
            noRequestWithoutAReason(faulty, clean);
            onlyClosedSampleCandlesWereKept(faulty);
            onlyClosedSampleCandlesWereKept(clean);
            resultsCaughtUp(settings, faulty, clean);
        }
    }

    private static void everyFaultWasServedOften(FaultSoakSettings settings, FaultSoakRun run) {
        Map<FakeBinanceFault, Integer> byKind = faultsByKind(run);
        assertThat(byKind.keySet()).as("faults served").containsExactlyInAnyOrder(FakeBinanceFault.values());
        int requests = 0;
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            requests += run.fake(d).served().size();
        }
        assertThat(requests).as("requests served to the faulty run").isGreaterThanOrEqualTo(settings.minRequests());
    }

    /** No request reached a fake before the Retry-After it had answered last had elapsed. */
    private static void retryAfterWasAlwaysHonoured(FaultSoakRun run) {
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            List<FakeBinance.Served> served = run.fake(d).served();
            assertThat(served).as(d.module()).noneMatch(FakeBinance.Served::violation);
            long waitUntil = Long.MIN_VALUE;
            int waits = 0;
            for (FakeBinance.Served s : served) {
                assertThat(s.arrivalNanos()).as("%s: %s arrived %s ms before the Retry-After had elapsed",
                        d.module(), s.target(), (waitUntil - s.arrivalNanos()) / 1e6).isGreaterThanOrEqualTo(waitUntil);
                if (!s.retryAfter().isZero()) {
                    waitUntil = Math.max(waitUntil, s.arrivalNanos() + s.retryAfter().toNanos());
                    waits++;
                }
            }
            assertThat(waits).as(d.module() + ": Retry-After answers").isPositive();
        }
    }

    /** Each daemon's heartbeat moved from the replay's start to its end, never standing still for long. */
    private static void heartbeatsKeptComing(FaultSoakSettings settings, FaultSoakRun run) {
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            List<FaultSoakHeartbeats.Beat> beats = run.beats(d);
            assertThat(beats).as(d.module() + " heartbeats").hasSizeGreaterThan(settings.days());
            // the first write may be replaced before the watcher reads it, hence "within the first day"
            assertThat(beats.get(0).simulated()).as(d.module()).isBefore(settings.start().plus(Duration.ofDays(1)));
            assertThat(beats.get(beats.size() - 1).simulated()).as(d.module())
                    .isAfter(FaultSoakSettings.END.minus(Duration.ofHours(2)));
            for (int i = 1; i < beats.size(); i++) {
                FaultSoakHeartbeats.Beat a = beats.get(i - 1);
                FaultSoakHeartbeats.Beat b = beats.get(i);
                assertThat(b.simulated()).as(d.module()).isAfter(a.simulated());
                assertThat(Duration.ofNanos(b.seenNanos() - a.seenNanos())).as("%s: no heartbeat between %s and %s",
                        d.module(), a.simulated(), b.simulated()).isLessThanOrEqualTo(HEARTBEAT_GAP);
            }
        }
    }

    /**
     * Every request the faulty run made beyond the fault-free run's answered a fault: no retry loop runs hot.
     * The slack (1 %) is for the fault-free count itself, which once differed by one request between two
     * identical runs; a hot loop makes hundreds.
     */
    private static void noRequestWithoutAReason(FaultSoakRun faulty, FaultSoakRun clean) {
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            List<FakeBinance.Served> served = faulty.fake(d).served();
            long spoiled = served.stream().filter(s -> s.fault().isPresent()).count();
            int fine = clean.fake(d).served().size();
            assertThat(served.size() - spoiled).as(d.module() + ": requests answered properly")
                    .isLessThanOrEqualTo(fine + Math.max(2, fine / 100));
        }
    }

    /**
     * The kline caches hold exactly the sample's closed bars, contiguous, up to the last one the daemons needed;
     * every signal's price is its closed bar's close; every feature snapshot is of a bar closed by then; every
     * model was trained on labels whose horizon had closed.
     */
    private static void onlyClosedSampleCandlesWereKept(FaultSoakRun run) throws IOException {
        FaultSoakOutputs out = new FaultSoakOutputs(run.runs());
        assertThat(out.rejectedFiles()).as(run.label()).isEmpty();
        for (Interval interval : List.of(Interval.H1, Interval.M15, Interval.H4)) {
            List<Kline> cache = out.cache(interval);
            assertThat(cache).as(run.label() + " " + interval).isNotEmpty();
            long first = cache.get(0).openTime();
            long last = cache.get(cache.size() - 1).openTime();
            List<Kline> sample = FakeBinanceKlines.all(interval).stream()
                    .filter(k -> k.openTime() >= first && k.openTime() <= last).toList();
            assertThat(firstDifference(cache, sample)).as(run.label() + " " + interval + " cache against the sample")
                    .isEmpty();
            assertThat(interval.closeOf(last)).as(run.label() + " " + interval + " cache's last bar closes")
                    .isLessThanOrEqualTo(FaultSoakSettings.END.toEpochMilli())
                    .isGreaterThan(FaultSoakSettings.END.minus(Duration.ofHours(8)).toEpochMilli());
        }
        assertThat(out.cache(Interval.M1)).as(run.label() + " 1m cache").isEmpty();
        for (List<String> signal : out.rows(SignalsFile.NAME, "ts", Instant.MIN)) {
            long open = Timestamps.parse(signal.get(0)).toEpochMilli();
            Kline bar = FakeBinanceKlines.all(Interval.H1).stream().filter(k -> k.openTime() == open).findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(signal.get(7))).as(run.label() + " signal price " + signal)
                    .isEqualTo(bar.close());
        }
        for (Interval interval : List.of(Interval.M15, Interval.H4)) {
            for (String line : out.jsonLines("feature_snapshots/BTCUSDT_" + interval.code() + "_snapshots.jsonl",
                    Instant.MIN)) {
                JsonNode snapshot = JSON.readTree(line);
                Instant barOpen = Timestamps.parse(snapshot.get("bar_open_time").asText());
                assertThat(barOpen.plus(interval.duration())).as(run.label() + " snapshot " + line.substring(0, 120))
                        .isBeforeOrEqualTo(Timestamps.parse(snapshot.get("timestamp").asText()));
            }
        }
        for (FaultSoakOutputs.ModelVersion m : out.models()) {
            Interval interval = Interval.fromCode(m.meta().get("interval").asText()).orElseThrow();
            Instant trainedAt = Timestamps.parse(m.meta().get("trained_at").asText());
            Instant dataEnd = Timestamps.parse(m.meta().get("data_end").asText());
            int horizon = m.meta().get("label").get("horizon_bars").asInt();
            // the last labelled bar's horizon must have closed by the training time
            assertThat(dataEnd.plus(interval.duration().multipliedBy(horizon + 1L))).as(m.name())
                    .isBeforeOrEqualTo(trainedAt);
        }
    }

    /**
     * Autosignal's rows equal the fault-free run's throughout; the analysis's from a day after the faults
     * stopped (while they last, a cycle whose klines could not be had is skipped, and a server still showing the
     * last bar open makes a cycle analyse the bar before); a model published at the same moment in both runs is
     * the same model.
     */
    private static void resultsCaughtUp(FaultSoakSettings settings, FaultSoakRun faulty, FaultSoakRun clean) {
        Instant from = settings.faultsUntil().plus(Duration.ofDays(1));
        FaultSoakOutputs a = new FaultSoakOutputs(faulty.runs());
        FaultSoakOutputs b = new FaultSoakOutputs(clean.runs());
        sameFrom(from, BackgroundAnalysisFile.NAME, a.rows(BackgroundAnalysisFile.NAME, "timestamp", from),
                b.rows(BackgroundAnalysisFile.NAME, "timestamp", from));
        for (String interval : List.of("15m", "4h")) {
            String file = "feature_snapshots/BTCUSDT_" + interval + "_snapshots.jsonl";
            sameFrom(from, file, a.jsonLines(file, from), b.jsonLines(file, from));
        }
        // Autosignal asks again for a candle it could not fetch, so not one signal is lost even while faults last.
        sameFrom(Instant.MIN, SignalsFile.NAME, a.rows(SignalsFile.NAME, "ts", Instant.MIN),
                b.rows(SignalsFile.NAME, "ts", Instant.MIN));
        sameFrom(Instant.MIN, FeaturesAtSignalFile.NAME, a.rows(FeaturesAtSignalFile.NAME, "ts",
                Instant.MIN), b.rows(FeaturesAtSignalFile.NAME, "ts", Instant.MIN));
        sameFrom(Instant.MIN, SetupsFile.NAME, a.rows(SetupsFile.NAME, "created_at", Instant.MIN),
                b.rows(SetupsFile.NAME, "created_at", Instant.MIN));
        Map<String, FaultSoakOutputs.ModelVersion> cleanModels = new TreeMap<>();
        b.models().forEach(m -> cleanModels.put(m.name(), m));
        for (FaultSoakOutputs.ModelVersion m : a.models()) {
            FaultSoakOutputs.ModelVersion same = cleanModels.get(m.name());
            if (same != null) {
                assertThat(m.meta()).as(m.name() + " meta.json").isEqualTo(same.meta());
                assertThat(m.model()).as(m.name() + " model.bin").isEqualTo(same.model());
            }
        }
        assertThat(a.exists(TradeHistoryFile.NAME)).isEqualTo(b.exists(TradeHistoryFile.NAME));
    }

    private static <T> void sameFrom(Instant from, String file, List<T> faulty, List<T> clean) {
        String which = from.equals(Instant.MIN) ? file : file + " from " + from;
        assertThat(clean).as(which).isNotEmpty();
        assertThat(firstDifference(faulty, clean)).as(which + ", faulty against fault-free run").isEmpty();
    }

    /** Where two lists first differ, in words; empty when they are equal. */
    private static <T> Optional<String> firstDifference(List<T> actual, List<T> expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                return Optional.of("#" + (i + 1) + " is " + actual.get(i) + ", expected " + expected.get(i));
            }
        }
        return actual.size() == expected.size() ? Optional.empty() : Optional.of(actual.size() + " items, expected "
                + expected.size() + "; the first extra: " + (actual.size() > expected.size()
                ? actual.get(expected.size()) : expected.get(actual.size())));
    }

    private static Map<FakeBinanceFault, Integer> faultsByKind(FaultSoakRun run) {
        Map<FakeBinanceFault, Integer> byKind = new EnumMap<>(FakeBinanceFault.class);
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            run.fake(d).served().forEach(s -> s.fault().ifPresent(f -> byKind.merge(f, 1, Integer::sum)));
        }
        return byKind;
    }

    private static String summary(FaultSoakSettings settings, FaultSoakRun faulty, FaultSoakRun clean,
                                  Duration took) {
        StringBuilder out = new StringBuilder("exchange-fault soak: " + settings + ", took " + took.toSeconds()
                + " s\n");
        for (FaultSoakDaemon d : FaultSoakDaemon.values()) {
            List<FakeBinance.Served> served = faulty.fake(d).served();
            List<FaultSoakHeartbeats.Beat> beats = faulty.beats(d);
            long maxGap = 0;
            for (int i = 1; i < beats.size(); i++) {
                maxGap = Math.max(maxGap, beats.get(i).seenNanos() - beats.get(i - 1).seenNanos());
            }
            out.append(String.format("  %-19s faulty: %5d requests, %4d spoiled, %4d heartbeats (longest gap %.1f s);"
                            + " fault-free: %5d requests%n", d.module(), served.size(),
                    served.stream().filter(s -> s.fault().isPresent()).count(), beats.size(), maxGap / 1e9,
                    clean.fake(d).served().size()));
        }
        out.append("  faults: ").append(new TreeMap<>(faultsByKind(faulty))).append('\n');
        out.append("  models faulty: ").append(new FaultSoakOutputs(faulty.runs()).currentModels())
                .append(", fault-free: ").append(new FaultSoakOutputs(clean.runs()).currentModels());
        return out.toString();
    }
}
