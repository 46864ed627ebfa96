package alpha12.core.model.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Interval;
import alpha12.core.market.Timeframe;
import alpha12.core.model.TrainingSet;
import alpha12.core.model.TrainingSets;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.training.ModelTrainer;
import alpha12.core.model.training.TrainingException;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.model.validation.ReliabilityBin;
import alpha12.core.store.RunsStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    private static final Timeframe BTCUSDT_H1 = new Timeframe("BTCUSDT", Interval.H1);
    private static final Timeframe ETHUSDT_H4 = new Timeframe("ETHUSDT", Interval.H4);

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static TrainingSet set;
    private static TrainingResult result;

    @TempDir
    Path runsDir;

    @BeforeAll
    static void train() throws TrainingException {
        set = TrainingSets.signal(300, 9);
        result = new ModelTrainer(TrainingSets.small(CalibrationMethod.PLATT), Clock.fixed(NOW, ZoneOffset.UTC))
                .train(set);
    }

    private ModelStore store(Instant now) {
        return new ModelStore(new RunsStore(runsDir, Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void aPublishedModelLoadsBackWithTheSameProbabilities() throws Exception {
        ModelStore store = store(NOW);
        PublishedModel published = store.publish(BTCUSDT_H1, result, Publication.manual());
        LoadedModel loaded = store.load(BTCUSDT_H1, LabelSettings.DEFAULT);
        for (double[] row : set.x()) {
            assertThat(loaded.model().probability(row)).isEqualTo(result.model().probability(row));
        }
        assertThat(loaded.meta()).isEqualTo(published.meta());
        assertThat(loaded.folder()).isEqualTo(published.folder().toRealPath());
        assertThat(Files.isSymbolicLink(runsDir.resolve("timeframe_models/BTCUSDT_1h"))).isTrue();
        assertThat(published.folder().getFileName().toString()).isEqualTo("BTCUSDT_1h.20240501T120000000Z");
    }

    @Test
    void metaJsonHoldsWhatWasTrainedHowItScoredAndWhy() throws Exception {
        store(NOW).publish(BTCUSDT_H1, result, Publication.performanceDegradation(0.41, 0.87));
        JsonNode meta = ModelJson.MAPPER.readTree(runsDir.resolve("timeframe_models/BTCUSDT_1h/meta.json").toFile());
        assertThat(meta.get("asset").asText()).isEqualTo("BTCUSDT");
        assertThat(meta.get("interval").asText()).isEqualTo("1h");
        assertThat(meta.get("model_type").asText()).isEqualTo("rf");
        assertThat(meta.get("calibrated").asBoolean()).isTrue();
        assertThat(meta.get("calibration_method").asText()).isEqualTo("platt");
        assertThat(meta.get("samples").asInt()).isEqualTo(300);
        assertThat(meta.get("features").asInt()).isEqualTo(44);
        assertThat(meta.get("feature_names")).hasSize(44);
        assertThat(meta.get("label").get("kind").asText()).isEqualTo("triple_barrier");
        assertThat(meta.get("label").get("horizon_bars").asInt()).isEqualTo(12);
        assertThat(meta.get("label").get("atr_mult").asDouble()).isEqualTo(1.0);
        assertThat(meta.get("trained_at").asText()).isEqualTo("2024-05-01T12:00:00+00:00");
        assertThat(meta.get("data_start").asText()).isEqualTo("2024-01-01T00:00:00+00:00");
        JsonNode metrics = meta.get("metrics");
        for (String key : List.of("accuracy", "precision", "recall", "f1", "brier", "brier_baseline", "log_loss",
                "roc_auc", "roc_auc_raw", "ece", "folds", "skipped_folds", "samples", "positive_rate")) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
        assertThat(metrics.get("roc_auc").asDouble()).isEqualTo(result.validation().rocAuc());
        assertThat(metrics.get("reliability")).hasSize(10);
        assertThat(meta.get("train_accuracy").asDouble()).isEqualTo(result.trainAccuracy());
        assertThat(meta.get("top_features")).hasSize(5);
        assertThat(meta.get("forest").get("trees").asInt()).isEqualTo(15);
        assertThat(meta.get("forest").get("mtry").asInt()).isEqualTo(6);
        assertThat(meta.get("forest").get("leaf_rows").asInt()).as("the leaf of the final fit on 300 rows")
                .isEqualTo(5);
        assertThat(meta.get("smile_version").asText()).isEqualTo(ModelFile.SMILE_VERSION);
        assertThat(meta.get("format_version").asInt()).isEqualTo(ModelFile.FORMAT_VERSION);
        assertThat(meta.get("publication").get("reason").asText()).isEqualTo("performance_degradation");
        assertThat(meta.get("publication").get("win_rate").asDouble()).isEqualTo(0.41);
        assertThat(meta.get("publication").get("profit_factor").asDouble()).isEqualTo(0.87);
    }

    @Test
    void emptyReliabilityBinsAndAbsentTriggersAreWrittenAsNull() throws Exception {
        store(NOW).publish(BTCUSDT_H1, result, Publication.bootstrap());
        JsonNode meta = ModelJson.MAPPER.readTree(runsDir.resolve("timeframe_models/BTCUSDT_1h/meta.json").toFile());
        assertThat(meta.get("publication").get("win_rate").isNull()).isTrue();
        String json = ModelJson.MAPPER.writeValueAsString(new ReliabilityBin(0.5, 0.6, 0, Double.NaN, Double.NaN));
        assertThat(ModelJson.MAPPER.readTree(json).get("mean_predicted").isNull()).isTrue();
        ReliabilityBin back = ModelJson.MAPPER.readValue(json, ReliabilityBin.class);
        assertThat(back.meanPredicted()).isNaN();
        assertThat(back.observedRate()).isNaN();
    }

    @Test
    void eachPublicationSwapsTheLinkAndKeepsTwoPreviousVersions() throws Exception {
        for (int i = 0; i < 5; i++) {
            store(NOW.plus(Duration.ofHours(i))).publish(BTCUSDT_H1, result, Publication.maxAge());
        }
        Path dir = runsDir.resolve("timeframe_models");
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("BTCUSDT_1h.2")))
                    .containsExactlyInAnyOrder("BTCUSDT_1h.20240501T160000000Z", "BTCUSDT_1h.20240501T150000000Z",
                            "BTCUSDT_1h.20240501T140000000Z");
        }
        assertThat(Files.readSymbolicLink(dir.resolve("BTCUSDT_1h")).toString())
                .isEqualTo("BTCUSDT_1h.20240501T160000000Z");
    }

    @Test
    void whatPublicationsKilledMidwayLeftBehindDoesNotPileUp() throws Exception {
        Path dir = runsDir.resolve("timeframe_models");
        Files.createDirectories(dir);
        // Killed after writing part of model.bin: a version folder the link never pointed at.
        Path orphan = Files.createDirectory(dir.resolve("BTCUSDT_1h.20240501T115900000Z"));
        Files.write(orphan.resolve(ModelStore.MODEL_FILE), new byte[] {'A', '1', '2'});
        // Killed between creating the temporary link and renaming it, in two earlier processes.
        Files.createSymbolicLink(dir.resolve(".BTCUSDT_1h.link-4242.tmp"), orphan.getFileName());
        Files.createSymbolicLink(dir.resolve(".BTCUSDT_1h.link-4343.tmp"), Path.of("BTCUSDT_1h.gone"));
        Files.createSymbolicLink(dir.resolve(".BTCUSDT_4h.link-4444.tmp"), Path.of("BTCUSDT_4h.gone"));

        for (int i = 0; i < 3; i++) {
            store(NOW.plus(Duration.ofHours(i))).publish(BTCUSDT_H1, result, Publication.maxAge());
        }

        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.contains("BTCUSDT_1h")))
                    .containsExactlyInAnyOrder("BTCUSDT_1h", "BTCUSDT_1h.lock", "BTCUSDT_1h.20240501T140000000Z",
                            "BTCUSDT_1h.20240501T130000000Z", "BTCUSDT_1h.20240501T120000000Z");
        }
        // Another model's leftovers are that model's publication's to clear.
        assertThat(Files.isSymbolicLink(dir.resolve(".BTCUSDT_4h.link-4444.tmp"))).isTrue();
    }

    @Test
    void aDaemonKilledInEveryPublicationLeavesOneUnfinishedFolderNotOnePerAttempt() throws Exception {
        store(NOW).publish(BTCUSDT_H1, result, Publication.maxAge());
        Path dir = runsDir.resolve("timeframe_models");
        Instant later = NOW.plus(Duration.ofHours(1));
        // Five restarts, each killed inside its publication of the same candle: five folders never linked.
        for (String suffix : List.of("", "-002", "-003", "-004", "-005")) {
            Path orphan = Files.createDirectory(dir.resolve("BTCUSDT_1h.20240501T130000000Z" + suffix));
            Files.write(orphan.resolve(ModelStore.MODEL_FILE), new byte[] {'A', '1', '2'});
        }

        PublishedModel sixth = store(later).publish(BTCUSDT_H1, result, Publication.maxAge());

        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("BTCUSDT_1h.2")))
                    .containsExactlyInAnyOrder("BTCUSDT_1h.20240501T130000000Z", "BTCUSDT_1h.20240501T120000000Z");
        }
        assertThat(sixth.folder().getFileName().toString()).isEqualTo("BTCUSDT_1h.20240501T130000000Z");
        assertThat(store(later).load(BTCUSDT_H1).folder()).isEqualTo(sixth.folder().toRealPath());
    }

    @Test
    void publicationsWithinOneMillisecondGetDistinctFolders() throws Exception {
        ModelStore store = store(NOW);
        PublishedModel first = store.publish(BTCUSDT_H1, result, Publication.manual());
        PublishedModel second = store.publish(BTCUSDT_H1, result, Publication.manual());
        assertThat(second.folder()).isNotEqualTo(first.folder());
        assertThat(second.folder().getFileName().toString()).endsWith("Z-002");
        assertThat(store.load(BTCUSDT_H1).folder()).isEqualTo(second.folder().toRealPath());
    }

    @Test
    void eachPublicationIsRecordedInTheRecalibrationLog() throws Exception {
        RunsStore runs = new RunsStore(runsDir, Clock.fixed(NOW, ZoneOffset.UTC));
        new ModelStore(runs).publish(BTCUSDT_H1, result, Publication.performanceDegradation(0.4, 0.9));
        new ModelStore(runs).publish(ETHUSDT_H4, result, Publication.bootstrap());
        RecalibrationLog.Entry entry = RecalibrationLog.last(runs, BTCUSDT_H1).orElseThrow();
        assertThat(entry.triggerReason()).isEqualTo(PublishReason.PERFORMANCE_DEGRADATION);
        assertThat(entry.lastRecalibration()).isEqualTo(NOW);
        assertThat(entry.winRate()).isEqualTo(0.4);
        assertThat(entry.modelPath()).isEqualTo(runsDir.resolve("timeframe_models/BTCUSDT_1h/model.bin").toString());
        assertThat(RecalibrationLog.last(runs, ETHUSDT_H4).orElseThrow().profitFactor()).isNaN();
        assertThat(RecalibrationLog.last(runs, new Timeframe("ETHUSDT", Interval.H1))).isEmpty();
        JsonNode log = ModelJson.MAPPER.readTree(runsDir.resolve("recalibration_log.json").toFile());
        assertThat(log.get("BTCUSDT_1h").get("trigger_reason").asText()).isEqualTo("performance_degradation");
    }

    @Test
    void aPublicationKilledBeforeItsLogEntryGetsItWhenADaemonStarts() throws Exception {
        RunsStore runs = new RunsStore(runsDir, Clock.fixed(NOW, ZoneOffset.UTC));
        ModelStore store = new ModelStore(runs);
        store.reconcileLog(BTCUSDT_H1); // nothing published: nothing to record
        assertThat(runsDir.resolve(RecalibrationLog.FILE)).doesNotExist();
        store.publish(BTCUSDT_H1, result, Publication.performanceDegradation(0.41, 0.87));
        String logged = Files.readString(runsDir.resolve(RecalibrationLog.FILE));
        Files.writeString(runsDir.resolve(RecalibrationLog.FILE), "{}\n"); // the kill came before the entry

        store.reconcileLog(BTCUSDT_H1);

        assertThat(Files.readString(runsDir.resolve(RecalibrationLog.FILE))).isEqualTo(logged);
        store.reconcileLog(BTCUSDT_H1);
        assertThat(Files.readString(runsDir.resolve(RecalibrationLog.FILE))).isEqualTo(logged);
    }

    @Test
    void anUnreadableRecalibrationLogIsSetAsideNotFatal() throws Exception {
        Files.writeString(runsDir.resolve("recalibration_log.json"), "{\"BTCUSDT_1h\": {\"last_recal");
        RunsStore runs = new RunsStore(runsDir, Clock.fixed(NOW, ZoneOffset.UTC));
        new ModelStore(runs).publish(BTCUSDT_H1, result, Publication.manual());
        assertThat(RecalibrationLog.last(runs, BTCUSDT_H1)).isPresent();
        try (Stream<Path> entries = Files.list(runsDir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .contains("recalibration_log.json.20240501T120000Z.quarantined");
        }
    }

    @Test
    void aMissingModelIsUnavailableAsMissing() {
        assertThatThrownBy(() -> store(NOW).load(BTCUSDT_H1))
                .isInstanceOfSatisfying(ModelUnavailableException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelUnavailableException.Kind.MISSING))
                .hasMessageStartingWith("model BTCUSDT 1h unavailable: nothing published at");
    }

    @Test
    void aTruncatedModelFileIsUnavailableAsCorrupt() throws Exception {
        PublishedModel published = store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        Path model = published.folder().resolve("model.bin");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        assertUnavailable(ModelUnavailableException.Kind.CORRUPT, "model.bin is truncated");
        assertThat(store(NOW).meta(BTCUSDT_H1)).as("meta.json alone is intact").isNotNull();
        assertThatThrownBy(() -> store(NOW).verifiedMeta(BTCUSDT_H1))
                .isInstanceOfSatisfying(ModelUnavailableException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelUnavailableException.Kind.CORRUPT))
                .hasMessage("model BTCUSDT 1h unavailable: model.bin does not match the checksum in meta.json "
                        + "(damaged or mixed files)");
    }

    @Test
    void aModelFileFromAnotherPublicationIsUnavailableAsCorrupt() throws Exception {
        ModelStore store = store(NOW);
        PublishedModel first = store.publish(BTCUSDT_H1, result, Publication.manual());
        TrainingResult other = new ModelTrainer(TrainingSets.small(CalibrationMethod.ISOTONIC),
                Clock.fixed(NOW, ZoneOffset.UTC)).train(set);
        PublishedModel second = store(NOW.plusSeconds(1)).publish(BTCUSDT_H1, other, Publication.manual());
        Files.copy(first.folder().resolve("model.bin"), second.folder().resolve("model.bin"),
                StandardCopyOption.REPLACE_EXISTING);
        assertUnavailable(ModelUnavailableException.Kind.CORRUPT, "the two files were mixed");
    }

    @Test
    void modelFileDamageIsNamedPrecisely() throws Exception {
        byte[] bytes = ModelFile.encode(result.model());
        assertDecodeFails(Arrays.copyOf(bytes, bytes.length - 10), "truncated");
        assertDecodeFails(new byte[0], "empty");
        assertDecodeFails("PK\u0003\u0004 a zip, or a joblib pickle".getBytes(), "not an Alpha12 model file");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        assertDecodeFails(flipped, "checksum mismatch");
        byte[] otherVersion = bytes.clone();
        otherVersion[11] = 9;
        assertDecodeFails(otherVersion, "format version 9");
    }

    @Test
    void metaJsonWithOtherFeatureNamesIsUnavailableAsIncompatible() throws Exception {
        PublishedModel published = store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        Path metaFile = published.folder().resolve("meta.json");
        ObjectNode meta = (ObjectNode) ModelJson.MAPPER.readTree(metaFile.toFile());
        ((ArrayNode) meta.get("feature_names")).set(3, meta.textNode("roc_12"));
        Files.write(metaFile, ModelJson.MAPPER.writeValueAsBytes(meta));
        assertUnavailable(ModelUnavailableException.Kind.INCOMPATIBLE,
                "trained on other features than this build computes (difference at #4: 'roc_12' instead of '"
                        + FeatureNames.ALL.get(3) + "')");
    }

    @Test
    void anotherFormatVersionIsUnavailableAsIncompatible() throws Exception {
        PublishedModel published = store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        Path metaFile = published.folder().resolve("meta.json");
        ObjectNode meta = (ObjectNode) ModelJson.MAPPER.readTree(metaFile.toFile());
        meta.put("format_version", 2);
        Files.write(metaFile, ModelJson.MAPPER.writeValueAsBytes(meta));
        assertUnavailable(ModelUnavailableException.Kind.INCOMPATIBLE, "meta.json has format version 2");
    }

    @Test
    void malformedMetaJsonIsUnavailableAsCorrupt() throws Exception {
        PublishedModel published = store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        Files.writeString(published.folder().resolve("meta.json"), "{\"format_version\": 1, \"samples\": \"many\"");
        assertUnavailable(ModelUnavailableException.Kind.CORRUPT, "meta.json is malformed");
    }

    @Test
    void anyMetaJsonValueOfTheWrongKindMakesTheModelUnavailableNotACrash() throws Exception {
        PublishedModel published = store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        Path metaFile = published.folder().resolve("meta.json");
        ObjectNode original = (ObjectNode) ModelJson.MAPPER.readTree(metaFile.toFile());
        List<JsonNode> wrong = List.of(NullNode.instance, IntNode.valueOf(7), TextNode.valueOf("x"),
                BooleanNode.TRUE, ModelJson.MAPPER.createObjectNode(), ModelJson.MAPPER.createArrayNode());
        List<String> paths = new ArrayList<>();
        original.fieldNames().forEachRemaining(paths::add);
        for (String nested : List.of("label", "metrics", "forest", "publication")) {
            original.get(nested).fieldNames().forEachRemaining(f -> paths.add(nested + "/" + f));
        }
        for (String path : paths) {
            for (JsonNode value : wrong) {
                ObjectNode meta = original.deepCopy();
                int slash = path.indexOf('/');
                ObjectNode parent = slash < 0 ? meta : (ObjectNode) meta.get(path.substring(0, slash));
                parent.set(path.substring(slash + 1), value);
                Files.write(metaFile, ModelJson.MAPPER.writeValueAsBytes(meta));
                try {
                    store(NOW).load(BTCUSDT_H1);
                } catch (ModelUnavailableException e) {
                    assertThat(e.getMessage()).as(path + " = " + value).doesNotContain("\n");
                }
            }
        }
    }

    @Test
    void aModelForAnotherLabelIsUnavailableAsIncompatible() throws Exception {
        store(NOW).publish(BTCUSDT_H1, result, Publication.manual());
        assertThatThrownBy(() -> store(NOW).load(BTCUSDT_H1, new LabelSettings(24, 1.0)))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("configuration asks for LabelSettings[horizonBars=24");
    }

    @Test
    void theOriginalSystemsModelFolderIsUnavailableThenReplaced() throws Exception {
        Path legacy = Files.createDirectories(runsDir.resolve("timeframe_models/BTCUSDT_1h"));
        Files.writeString(legacy.resolve("meta.json"), "{\"asset\": \"BTCUSDT\", \"interval\": \"1h\", "
                + "\"model_type\": \"rf\", \"calibrated\": true, \"samples\": 1000, \"features\": 44}");
        Files.write(legacy.resolve("model.joblib"), new byte[] {(byte) 0x80, 4, (byte) 0x95});
        assertUnavailable(ModelUnavailableException.Kind.INCOMPATIBLE, "meta.json has format version (none)");
        store(NOW).publish(BTCUSDT_H1, result, Publication.bootstrap());
        assertThat(store(NOW).load(BTCUSDT_H1).meta().samples()).isEqualTo(300);
        assertThat(runsDir.resolve("timeframe_models/BTCUSDT_1h.legacy-20240501T120000000Z/model.joblib"))
                .exists();
    }

    @Test
    void aReaderHoldingTheOldFolderStillReadsAWholeModel() throws Exception {
        ModelStore store = store(NOW);
        store.publish(BTCUSDT_H1, result, Publication.manual());
        Path before = runsDir.resolve("timeframe_models/BTCUSDT_1h").toRealPath();
        store(NOW.plusSeconds(60)).publish(BTCUSDT_H1, result, Publication.maxAge());
        assertThat(runsDir.resolve("timeframe_models/BTCUSDT_1h").toRealPath()).isNotEqualTo(before);
        assertThat(ModelFile.decode(Files.readAllBytes(before.resolve("model.bin")))).isNotNull();
    }

    @Test
    void assetsThatCannotBeFileNamesAreRefused() {
        assertThatThrownBy(() -> ModelStore.key(new Timeframe("../etc", Interval.H1)))
                .hasMessageContaining("not a symbol");
    }

    private void assertUnavailable(ModelUnavailableException.Kind kind, String reason) {
        assertThatThrownBy(() -> store(NOW).load(BTCUSDT_H1))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageStartingWith("model BTCUSDT 1h unavailable: ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void assertDecodeFails(byte[] bytes, String reason) {
        assertThatThrownBy(() -> ModelFile.decode(bytes)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining(reason);
    }

}
