package alpha12.core.model.publish;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.market.Timeframe;
import alpha12.core.model.ForestSettings;
import alpha12.core.model.ForestTrainer;
import alpha12.core.model.TimeframeModel;
import alpha12.core.model.calibration.CalibrationMethod;
import alpha12.core.model.training.TrainingResult;
import alpha12.core.store.RunsStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published models under {@code runs/timeframe_models/}. Each publication writes a new version folder
 * {@code <ASSET>_<INTERVAL>.<UTC time>/} holding {@code model.bin} and {@code meta.json}, then atomically
 * repoints the symbolic link {@code <ASSET>_<INTERVAL>} at it (a temporary link renamed over the old
 * one). A reader resolves the link once and reads both files from that one folder, so it sees the old
 * model or the new one, never half of one. The two previous versions are kept for readers still busy
 * with them; older ones are deleted, and so are the folders of publications killed before their link
 * swap. Publications of one model are serialised by a file lock.
 */
public final class ModelStore {

    public static final String DIR = "timeframe_models";
    public static final String MODEL_FILE = "model.bin";
    public static final String META_FILE = "meta.json";
    /** Version folders kept besides the current one. */
    public static final int KEEP_PREVIOUS = 2;
    private static final long MAX_FILE_BYTES = 256L << 20;
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,30}");
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

    private final RunsStore runs;

    public ModelStore(RunsStore runs) {
        this.runs = runs;
    }

    /**
     * {@code BTCUSDT_1h}: the model's name under timeframe_models/ and its key in recalibration_log.json,
     * once its asset is known to be a safe file name.
     */
    public static String key(Timeframe timeframe) {
        String asset = timeframe.asset();
        if (!ASSET.matcher(asset).matches()) {
            throw new IllegalArgumentException("asset '" + asset + "' is not a symbol like BTCUSDT (A-Z, 0-9)");
        }
        return timeframe.key();
    }

    /** The stable path of a model: the link readers resolve. */
    public Path link(Timeframe timeframe) {
        return runs.resolve(DIR).resolve(key(timeframe));
    }

    /** Publishes a trained model and records the publication in recalibration_log.json. */
    public PublishedModel publish(Timeframe timeframe, TrainingResult result, Publication publication) {
        String key = key(timeframe);
        byte[] model = ModelFile.encode(result.model());
        ModelMeta meta = meta(timeframe, result, publication, sha256(model));
        byte[] metaJson;
        try {
            metaJson = ModelJson.MAPPER.writeValueAsBytes(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write meta.json: " + e.getMessage(), e);
        }
        PublishedModel published = runs.locked(DIR + "/" + key, () -> {
            try {
                Path dir = runs.resolve(DIR);
                Files.createDirectories(dir);
                Path link = dir.resolve(key);
                VersionFolders.tidy(dir, key, link, KEEP_PREVIOUS);
                Path folder = VersionFolders.create(dir, key, runs.clock().instant());
                VersionFolders.writeDurably(folder.resolve(MODEL_FILE), model);
                VersionFolders.writeDurably(folder.resolve(META_FILE), metaJson);
                VersionFolders.fsync(folder);
                VersionFolders.pointLink(link, folder, runs.clock().instant());
                VersionFolders.prune(dir, key, folder, KEEP_PREVIOUS);
                return new PublishedModel(link, folder, meta);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish model " + key + ": " + e.getMessage(), e);
            }
        });
        RecalibrationLog.record(runs, key, published, publication);
        LOG.info("published model {} ({}, {} rows, out-of-fold AUC {}, Brier {}) in {}", key, publication.reason(),
                result.samples(), String.format("%.4f", result.validation().rocAuc()),
                String.format("%.4f", result.validation().brier()), published.folder().getFileName());
        return published;
    }

    /**
     * Writes the published version's entry into recalibration_log.json when the log does not name that
     * version — a publication killed between its link swap and its log entry. The entry is rebuilt from the
     * version's meta.json, as the publication would have written it. Daemons call this for their models at
     * start; nothing happens when nothing usable is published.
     */
    public void reconcileLog(Timeframe timeframe) {
        String key = key(timeframe);
        runs.locked(DIR + "/" + key, () -> {
            Path folder;
            ModelMeta meta;
            try {
                folder = resolve(timeframe);
                meta = readMeta(timeframe, folder);
            } catch (ModelUnavailableException e) {
                return null;
            }
            String version = folder.getFileName().toString();
            if (RecalibrationLog.last(runs, timeframe).filter(e -> version.equals(e.version())).isEmpty()) {
                RecalibrationLog.record(runs, key, new PublishedModel(link(timeframe), folder, meta),
                        meta.publication());
                LOG.warn("{}: {} was published but not in {}; entry written", key, version, RecalibrationLog.FILE);
            }
            return null;
        });
    }

    /** Loads the published model; any reason it cannot be used is a {@link ModelUnavailableException}. */
    public LoadedModel load(Timeframe timeframe) throws ModelUnavailableException {
        Path folder = resolve(timeframe);
        ModelMeta meta = readMeta(timeframe, folder);
        byte[] model = read(timeframe, folder.resolve(MODEL_FILE));
        TimeframeModel decoded;
        try {
            decoded = ModelFile.decode(model);
        } catch (ModelUnavailableException e) {
            throw unavailable(e.kind(), timeframe, e.getMessage(), e);
        }
        if (!sha256(model).equals(meta.modelSha256())) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "model.bin is not the file meta.json describes (SHA-256 differs): the two files were mixed",
                    null);
        }
        return new LoadedModel(decoded, meta, folder);
    }

    /** As {@link #load(Timeframe)}, and the model must predict this label. */
    public LoadedModel load(Timeframe timeframe, LabelSettings label) throws ModelUnavailableException {
        LoadedModel loaded = load(timeframe);
        if (!loaded.model().label().equals(label)) {
            throw unavailable(ModelUnavailableException.Kind.INCOMPATIBLE, timeframe,
                    "it predicts the label " + loaded.model().label() + ", the configuration asks for " + label, null);
        }
        return loaded;
    }

    /** Only the meta.json of the published model, e.g. to check its age without reading the forest. */
    public ModelMeta meta(Timeframe timeframe) throws ModelUnavailableException {
        return readMeta(timeframe, resolve(timeframe));
    }

    /**
     * The meta.json of the published model once its model.bin is checked against the checksum it records,
     * without decoding the forest: what a publisher asks before deciding a model needs no replacement, so a
     * truncated or foreign model.bin next to an intact meta.json gets republished.
     */
    public ModelMeta verifiedMeta(Timeframe timeframe) throws ModelUnavailableException {
        Path folder = resolve(timeframe);
        ModelMeta meta = readMeta(timeframe, folder);
        checkedModel(timeframe, folder, meta);
        return meta;
    }

    /** The bytes of the folder's model.bin, which must match the checksum its meta.json records. */
    private static byte[] checkedModel(Timeframe timeframe, Path folder, ModelMeta meta)
            throws ModelUnavailableException {
        byte[] model = read(timeframe, folder.resolve(MODEL_FILE));
        if (!sha256(model).equals(meta.modelSha256())) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "model.bin does not match the checksum in meta.json (damaged or mixed files)", null);
        }
        return model;
    }

    private Path resolve(Timeframe timeframe) throws ModelUnavailableException {
        Path link = link(timeframe);
        try {
            Path folder = link.toRealPath();
            if (!Files.isDirectory(folder)) {
                throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                        link + " is not a folder", null);
            }
            return folder;
        } catch (NoSuchFileException e) {
            throw unavailable(ModelUnavailableException.Kind.MISSING, timeframe,
                    "nothing published at " + link, e);
        } catch (IOException e) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "cannot resolve " + link + ": " + e.getMessage(), e);
        }
    }

    private ModelMeta readMeta(Timeframe timeframe, Path folder) throws ModelUnavailableException {
        byte[] bytes = read(timeframe, folder.resolve(META_FILE));
        JsonNode tree;
        ModelMeta meta;
        try {
            tree = ModelJson.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                        "meta.json is not a JSON object", null);
            }
            JsonNode version = tree.get("format_version");
            if (version == null || !version.canConvertToInt() || version.asInt() != ModelFile.FORMAT_VERSION) {
                throw unavailable(ModelUnavailableException.Kind.INCOMPATIBLE, timeframe,
                        "meta.json has format version " + (version == null ? "(none)" : version)
                                + "; this build reads version " + ModelFile.FORMAT_VERSION, null);
            }
            meta = ModelJson.MAPPER.treeToValue(tree, ModelMeta.class);
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "meta.json is malformed: " + firstLine(e.getMessage()), e);
        }
        if (meta.featureNames() == null || !meta.featureNames().equals(FeatureNames.ALL)) {
            throw unavailable(ModelUnavailableException.Kind.INCOMPATIBLE, timeframe,
                    "it was trained on other features than this build computes ("
                            + (meta.featureNames() == null ? "no feature_names"
                                    : ModelFile.firstDifference(meta.featureNames())) + ")", null);
        }
        if (!timeframe.asset().equals(meta.asset()) || !timeframe.interval().code().equals(meta.interval())) {
            throw unavailable(ModelUnavailableException.Kind.INCOMPATIBLE, timeframe,
                    "meta.json describes " + meta.asset() + " " + meta.interval(), null);
        }
        if (meta.modelSha256() == null || meta.trainedAt() == null) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "meta.json lacks model_sha256 or trained_at", null);
        }
        return meta;
    }

    private static byte[] read(Timeframe timeframe, Path file) throws ModelUnavailableException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                        file.getFileName() + " is larger than any model file (" + Files.size(file) + " bytes)", null);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "the published folder has no " + file.getFileName(), e);
        } catch (IOException e) {
            throw unavailable(ModelUnavailableException.Kind.CORRUPT, timeframe,
                    "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ModelUnavailableException unavailable(ModelUnavailableException.Kind kind, Timeframe timeframe,
            String reason, Throwable cause) {
        return new ModelUnavailableException(kind, "model " + timeframe + " unavailable: " + reason, cause);
    }

    private static ModelMeta meta(Timeframe timeframe, TrainingResult result, Publication publication, String sha256) {
        TimeframeModel model = result.model();
        ForestSettings f = result.settings().forest();
        return new ModelMeta(ModelFile.FORMAT_VERSION, timeframe.asset(), timeframe.interval().code(),
                ModelMeta.MODEL_TYPE, model.calibration() != CalibrationMethod.NONE, model.calibration(),
                result.samples(), model.featureNames().size(), model.featureNames(),
                new ModelMeta.LabelMeta(ModelMeta.LabelMeta.TRIPLE_BARRIER, model.label().horizonBars(),
                        model.label().atrMult()),
                result.trainedAt(), result.dataStart(), result.dataEnd(), result.validation(), result.trainAccuracy(),
                result.positiveRate(), result.topFeatures(),
                new ModelMeta.ForestMeta(f.trees(), f.seed(), f.maxDepth(), f.maxNodes(), f.nodeSize(),
                        ForestTrainer.mtry(model.featureNames().size()), result.settings().folds(),
                        model.forest().nodes(), f.nodeSizeFor(result.samples())),
                ModelFile.SMILE_VERSION, sha256, publication);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
