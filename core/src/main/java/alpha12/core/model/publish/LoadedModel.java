package alpha12.core.model.publish;

import alpha12.core.model.TimeframeModel;
import java.nio.file.Path;

/** A model read back from the store, its meta.json, and the version folder both were read from. */
public record LoadedModel(TimeframeModel model, ModelMeta meta, Path folder) {
}
