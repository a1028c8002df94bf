package org.gridcc.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The case categories of {@code cases/categories.json}: data, so a county can change them without code. */
public final class Categories {

    private static final Map<String, Category> ALL = load();

    private Categories() {}

    public static Optional<Category> of(String code) {
        return Optional.ofNullable(code == null ? null : ALL.get(code));
    }

    public static List<Category> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<String, Category> load() {
        try (InputStream in = Categories.class.getClassLoader().getResourceAsStream("cases/categories.json")) {
            if (in == null) throw new IllegalStateException("missing resource cases/categories.json");
            List<Category> list = new ObjectMapper().readValue(in, new TypeReference<>() {});
            var byCode = new LinkedHashMap<String, Category>();
            list.forEach(c -> byCode.put(c.code(), c));
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
