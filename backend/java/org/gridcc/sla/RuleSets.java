package org.gridcc.sla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadline rule sets, one JSON file each in {@code backend/resources/sla/}: which deadlines a
 * case has, from which event, how long, with the source of every limit. Unknown fields are refused,
 * so a misspelt field fails at load time instead of silently changing a deadline.
 */
public final class RuleSets {

    /** Luoping's 24/72-hour and one-week rule, Lanshan's "125" for first petitions, and the national 信访工作条例. */
    public static final List<String> BUILT_IN = List.of("luoping", "lanshan-125", "xinfang");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleSets() {}

    /** Every built-in rule set by id, in the order of {@link #BUILT_IN}. */
    public static Map<String, RuleSet> loadAll() {
        var all = new LinkedHashMap<String, RuleSet>();
        BUILT_IN.forEach(id -> all.put(id, load(id)));
        return all;
    }

    public static RuleSet load(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new IllegalArgumentException("no rule set '%s'; there are %s".formatted(id, BUILT_IN));
        }
        String resource = "sla/" + id + ".json";
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            RuleSet rules = parse(in.readAllBytes(), resource);
            if (!rules.id().equals(id)) {
                throw new IllegalStateException("%s says its id is '%s'".formatted(resource, rules.id()));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static RuleSet parse(byte[] json, String origin) {
        try {
            return JSON.readValue(json, RuleSet.class);
        } catch (IOException e) {
            throw new IllegalStateException("%s is not a valid rule set: %s".formatted(origin, e.getMessage()), e);
        }
    }
}
