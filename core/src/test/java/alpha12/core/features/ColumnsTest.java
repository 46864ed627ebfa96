package alpha12.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void everyColumnConstantIsTheIndexOfItsFeatureName() throws IllegalAccessException {
        int constants = 0;
        for (Field f : Columns.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                String name = f.getName().toLowerCase(Locale.ROOT);
                assertThat(FeatureNames.ALL.indexOf(name)).as(f.getName()).isEqualTo(f.getInt(null));
                constants++;
            }
        }
        assertThat(constants).isEqualTo(FeatureNames.COUNT);
    }
}
