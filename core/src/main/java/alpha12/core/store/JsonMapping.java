package alpha12.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;

/**
 * How runs/ JSON files are written and read: records as objects, {@link Instant} as a
 * {@link Timestamps} string (there is no jsr310 module here), map keys sorted so that files diff well,
 * and unknown properties ignored so that an older daemon can read a newer file.
 */
final class JsonMapping {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("alpha12-times")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Whole files: indented by two spaces, like the original's {@code json.dump(indent=2)}. */
    static final ObjectWriter FILE_WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    /** JSON lines: one compact object per line. */
    static final ObjectWriter LINE_WRITER = MAPPER.writer();

    private JsonMapping() {
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(Timestamps.format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Timestamps.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, e.getMessage());
            }
        }
    }
}
