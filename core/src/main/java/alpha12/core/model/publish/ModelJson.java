package alpha12.core.model.publish;

import alpha12.core.store.Timestamps;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON dialect of the model store: snake_case keys, times as {@link Timestamps}, enums by their
 * codes, and non-finite numbers as null (JSON has no NaN), read back as NaN.
 */
final class ModelJson {

    static final ObjectMapper MAPPER = create();

    private ModelJson() {
    }

    private static ObjectMapper create() {
        SimpleModule module = new SimpleModule("alpha12-model");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(Timestamps.format(value));
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return Timestamps.parse(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw ctxt.weirdStringException(p.getText(), Instant.class, e.getMessage());
                }
            }
        });
        JsonSerializer<Double> finiteOrNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (Double.isFinite(value)) {
                    gen.writeNumber(value);
                } else {
                    gen.writeNull();
                }
            }
        };
        module.addSerializer(Double.class, finiteOrNull);
        module.addSerializer(double.class, finiteOrNull);
        JsonDeserializer<Double> nullIsNaN = new JsonDeserializer<>() {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isNumeric()) {
                    throw ctxt.wrongTokenException(p, Double.class, JsonToken.VALUE_NUMBER_FLOAT, "a number or null");
                }
                return p.getDoubleValue();
            }

            @Override
            public Double getNullValue(DeserializationContext ctxt) {
                return Double.NaN;
            }
        };
        module.addDeserializer(Double.class, nullIsNaN);
        module.addDeserializer(double.class, nullIsNaN);
        return new ObjectMapper()
                .registerModule(module)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
