package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;

import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.publish.ModelStore;
import alpha12.core.model.publish.ModelUnavailableException;
import alpha12.core.runs.BackgroundAnalysisFile;
import alpha12.core.runs.FeaturesAtSignalFile;
import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import alpha12.core.runs.TradeHistoryFile;
import alpha12.core.store.CsvSchema;
import alpha12.core.store.RunsStore;
import alpha12.core.trading.FeaturesAtSignal;
import alpha12.core.trading.Setup;
import alpha12.core.trading.SignalRecord;
import alpha12.core.trading.TradeRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a runs/ folder a replay left and returns what it holds, normalised for comparing two runs:
 * <ul>
 *   <li>nothing was set aside: no {@code .rejected} or {@code .quarantined} file anywhere;</li>
 *   <li>every CSV passes {@link StrictCsv}, and the store's own reader ({@link RunsStore} with
 *       the schemas of {@code alpha12.core.runs}) returns exactly as many rows — and sets none aside;</li>
 *   <li>every setup id and unique id occurs once; every setup that ended has exactly one trade row, with its
 *       status as outcome; an active setup has none; every trade row has its setup;</li>
 *   <li>every scored candle has one signals row and one features_at_signal row, and every setup its candle's;</li>
 *   <li>every published model loads; every JSON-lines file is whole lines of JSON.</li>
 * </ul>
 * The contents compared are the CSV lines sorted (order across files depends on timing; setups without
 * {@code triggered_at}, the tracker's processing time), each feature snapshot file, each published
 * meta.json, and per model the last publication of recalibration_log.json without paths.
 */
final class RunsFolderCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL_KEY = Pattern.compile("[A-Z0-9]{2,30}_\\d+[mhdw]");
    private static final List<CsvSchema<?>> CSVS = List.of(BackgroundAnalysisFile.SCHEMA, SetupsFile.SCHEMA,
            TradeHistoryFile.SCHEMA, SignalsFile.SCHEMA, FeaturesAtSignalFile.SCHEMA);

    /** What a runs/ folder holds: named line lists; {@link #counts()} for reports. */
    record Contents(Map<String, List<String>> files, Map<String, Integer> counts) {
    }

    private RunsFolderCheck() {
    }

    static Contents verify(Path runs) {
        assertNothingSetAside(runs);
        Map<String, List<String>> files = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, List<List<String>>> strict = new HashMap<>();
        for (CsvSchema<?> schema : CSVS) {
            List<List<String>> rows = StrictCsv.read(runs.resolve(schema.file()), schema);
            strict.put(schema.file(), rows);
            counts.put(schema.file(), rows.size());
        }
        RunsStore store = new RunsStore(runs, Clock.systemUTC());
        for (CsvSchema<?> schema : CSVS) {
            assertThat(store.read(schema)).as("%s rows read by the store", schema.file())
                    .hasSize(strict.get(schema.file()).size());
        }
        assertNothingSetAside(runs);

        List<Setup> setups = store.read(SetupsFile.SCHEMA);
        List<TradeRecord> trades = store.read(TradeHistoryFile.SCHEMA);
        checkSetupsAndTrades(setups, trades);
        checkSignals(setups, store.read(SignalsFile.SCHEMA), store.read(FeaturesAtSignalFile.SCHEMA));
        counts.put("setups ended", (int) setups.stream().filter(s -> !s.lifecycle().status().isActive()).count());

        int triggeredAt = SetupsFile.SCHEMA.columns().indexOf("triggered_at");
        for (CsvSchema<?> schema : CSVS) {
            boolean setupsFile = schema == SetupsFile.SCHEMA;
            files.put(schema.file() + (setupsFile ? " (triggered_at blanked)" : ""),
                    strict.get(schema.file()).stream().map(cells -> {
                        List<String> c = new ArrayList<>(cells);
                        if (setupsFile) {
                            c.set(triggeredAt, "");
                        }
                        return String.join(",", c);
                    }).sorted().toList());
        }
        files.putAll(snapshots(runs));
        files.putAll(models(runs, store));
        return new Contents(files, counts);
    }

    /**
     * The background analysis's part alone (a runs/ folder where only it and autosignal ran): nothing set
     * aside, background_analysis.csv strict and whole, snapshots, published models; its contents.
     */
    static Contents verifyAnalysis(Path runs) {
        assertNothingSetAside(runs);
        List<List<String>> rows = StrictCsv.read(runs.resolve(BackgroundAnalysisFile.NAME),
                BackgroundAnalysisFile.SCHEMA);
        RunsStore store = new RunsStore(runs, Clock.systemUTC());
        assertThat(store.read(BackgroundAnalysisFile.SCHEMA)).as("rows read by the store").hasSize(rows.size());
        assertNothingSetAside(runs);
        Map<String, List<String>> files = new TreeMap<>();
        files.put(BackgroundAnalysisFile.NAME, rows.stream().map(c -> String.join(",", c)).sorted().toList());
        files.putAll(snapshots(runs));
        files.putAll(models(runs, store));
        return new Contents(files, Map.of(BackgroundAnalysisFile.NAME, rows.size()));
    }

    static void assertNothingSetAside(Path runs) {
        try (Stream<Path> all = Files.walk(runs)) {
            assertThat(all.map(p -> runs.relativize(p).toString())
                    .filter(n -> n.endsWith(".rejected") || n.endsWith(".quarantined")))
                    .as("files the store set aside under %s", runs).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSetupsAndTrades(List<Setup> setups, List<TradeRecord> trades) {
        assertThat(setups).as("setups").isNotEmpty();
        assertUnique("setup ids", setups, Setup::id);
        assertUnique("setup unique ids", setups, Setup::uniqueId);
        assertUnique("trade rows per setup", trades, TradeRecord::setupId);
        Map<String, Setup> byId = setups.stream().collect(Collectors.toMap(Setup::id, Function.identity()));
        Map<String, TradeRecord> tradeOf = trades.stream()
                .collect(Collectors.toMap(TradeRecord::setupId, Function.identity()));
        for (TradeRecord t : trades) {
            Setup s = byId.get(t.setupId());
            assertThat(s).as("the setup of trade row %s", t.setupId()).isNotNull();
            assertThat(s.lifecycle().status()).as("status of %s, whose trade row says %s", s.id(), t.outcome())
                    .isEqualTo(t.outcome().status());
        }
        for (Setup s : setups) {
            if (s.lifecycle().status().isActive()) {
                assertThat(tradeOf).as("trade row of %s, still %s", s.id(), s.lifecycle().status())
                        .doesNotContainKey(s.id());
            } else {
                assertThat(tradeOf).as("trade row of %s, which ended %s", s.id(), s.lifecycle().status())
                        .containsKey(s.id());
            }
        }
    }

    private static void checkSignals(List<Setup> setups, List<SignalRecord> signals, List<FeaturesAtSignal> features) {
        assertUnique("signals rows per candle", signals, s -> s.asset() + " " + s.interval() + " " + s.ts());
        assertUnique("features_at_signal rows per candle", features,
                f -> f.asset() + " " + f.interval() + " " + f.ts());
        assertThat(features.stream()
                .map(f -> f.asset() + " " + f.interval() + " " + f.ts() + " " + f.setupId().orElse(""))
                .collect(Collectors.toSet())).as("features_at_signal rows against signals rows")
                .isEqualTo(signals.stream()
                        .map(s -> s.asset() + " " + s.interval() + " " + s.ts() + " " + s.decision().setupId().orElse(""))
                        .collect(Collectors.toSet()));
        Set<String> signalled = signals.stream().flatMap(s -> s.decision().setupId().stream())
                .collect(Collectors.toSet());
        assertThat(signalled).as("setups named by signals rows").isEqualTo(
                setups.stream().map(Setup::id).collect(Collectors.toSet()));
    }

    private static <T> void assertUnique(String what, List<T> rows, Function<T, String> key) {
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("%s: keys present more than once", what).isEmpty();
    }

    private static Map<String, List<String>> snapshots(Path runs) {
        Map<String, List<String>> out = new TreeMap<>();
        Path dir = runs.resolve("feature_snapshots");
        for (Path file : list(dir, "*.jsonl")) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as("%s ends with a whole line", file).endsWith("\n");
                List<String> lines = text.lines().toList();
                for (String line : lines) {
                    JSON.readTree(line);
                }
                out.put(runs.relativize(file).toString(), lines);
            } catch (IOException e) {
                throw new AssertionError(file + " holds a line that is not JSON: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Map<String, List<String>> models(Path runs, RunsStore store) {
        Map<String, List<String>> out = new TreeMap<>();
        ModelStore models = new ModelStore(store);
        List<String> publications = new ArrayList<>();
        JsonNode log = readJson(runs.resolve("recalibration_log.json"));
        for (Path link : list(runs.resolve(ModelStore.DIR), "*")) {
            if (!Files.isSymbolicLink(link) || !MODEL_KEY.matcher(link.getFileName().toString()).matches()) {
                continue; // a version folder, a lock, or the temporary link of a publication killed midway
            }
            String key = link.getFileName().toString();
            int cut = key.lastIndexOf('_');
            Interval interval = Interval.fromCode(key.substring(cut + 1)).orElseThrow();
            try {
                models.load(new Timeframe(key.substring(0, cut), interval));
                out.put(ModelStore.DIR + "/" + key + "/" + ModelStore.META_FILE,
                        Files.readAllLines(link.resolve(ModelStore.META_FILE)));
            } catch (ModelUnavailableException | IOException e) {
                throw new AssertionError("published model " + key + " does not load: " + e.getMessage(), e);
            }
            JsonNode entry = log.get(key);
            assertThat(entry).as("recalibration_log.json entry of %s", key).isNotNull();
            // A republication after a kill may take the name with a -00n suffix; paths name the runs folder.
            publications.add(key + " " + entry.get("last_recalibration").asText() + " "
                    + entry.get("trigger_reason").asText() + " " + entry.get("version").asText().replaceAll("-\\d{3}$", "")
                    + " " + entry.get("win_rate") + " " + entry.get("profit_factor"));
        }
        out.put("recalibration_log.json (last publication per model, without paths)", publications);
        return out;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var entries = Files.newDirectoryStream(dir, glob)) {
            entries.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    /** Fails with the first differences when two runs' contents differ. */
    static void assertSameContents(Contents actual, Contents expected, String what) {
        assertThat(actual.files().keySet()).as("files of %s", what).isEqualTo(expected.files().keySet());
        StringBuilder diff = new StringBuilder();
        for (String name : expected.files().keySet()) {
            List<String> a = actual.files().get(name);
            List<String> e = expected.files().get(name);
            if (!a.equals(e)) {
                diff.append("\n").append(name).append(": ").append(a.size()).append(" lines, expected ")
                        .append(e.size());
                int shown = appendMissing(diff, "  only in " + what + ": ", a, e)
                        + appendMissing(diff, "  only in the reference: ", e, a);
                if (shown == 0) {
                    diff.append("\n  the same lines, in another order or number");
                }
            }
        }
        if (!diff.isEmpty()) {
            throw new AssertionError(what + " differs from the reference:" + diff);
        }
    }

    /** Appends up to three lines of {@code from} missing from {@code in}; returns how many are missing. */
    private static int appendMissing(StringBuilder out, String label, List<String> from, List<String> in) {
        List<String> missing = new ArrayList<>(from);
        missing.removeAll(Set.copyOf(in));
        missing.stream().limit(3).forEach(l -> out.append("\n").append(label)
                .append(l.length() > 400 ? l.substring(0, 400) + "..." : l));
        return missing.size();
    }
}
