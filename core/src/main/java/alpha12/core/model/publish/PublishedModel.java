package alpha12.core.model.publish;

import java.nio.file.Path;

/**
 * Where a publication went: {@code link} is {@code runs/timeframe_models/<ASSET>_<INTERVAL>}, the stable
 * name readers use; {@code folder} the version folder it now points at.
 */
public record PublishedModel(Path link, Path folder, ModelMeta meta) {

    public Path modelFile() {
        return link.resolve(ModelStore.MODEL_FILE);
    }

    public Path metaFile() {
        return link.resolve(ModelStore.META_FILE);
    }
}
