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

    /** Petitions (信访事项): taken in under the 信访 rules (rule set xinfang) unless told otherwise. */
    public static final String PETITION = "petition", PETITION_RULE_SET = "xinfang";

    private Categories() {}

    public static Optional<Category> of(String code) {
        return Optional.ofNullable(code == null ? null : ALL.get(code));
    }

    public static List<Category> all() {
        return List.copyOf(ALL.values());
    }

    /** The categories residents may raise and read through Open311: all but the confidential (检举控告 goes through its own channels). */
    public static Optional<Category> residentFacing(String code) {
        return of(code).filter(c -> !c.confidential());
    }

    public static List<Category> residentFacing() {
        return ALL.values().stream().filter(c -> !c.confidential()).toList();
    }

    /** The codes of the confidential categories, for queries that must leave their cases out. */
    public static String[] confidentialCodes() {
        return ALL.values().stream().filter(Category::confidential).map(Category::code).toArray(String[]::new);
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
