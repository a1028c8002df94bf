package org.gridcc.people;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What each county calls the head of each level (people/head-titles.json): Mizhi's 片长-社区长-网格长-
 * 单元长-楼层长, Luoping's 网格长 and 网格片长. The one place a title is written; heads store their
 * level, and their title is read here.
 */
public final class HeadTitles {

    private static final String DEFAULT = "default";
    private static final Map<String, Map<HeadLevel, String>> BY_COUNTY = load();

    private HeadTitles() {}

    /** The title of a head of this level in the county of this code (a county not configured: the default titles). */
    public static String title(String countyCode, HeadLevel level) {
        return of(countyCode).get(level);
    }

    /** Every level's title in the county, in level order. */
    public static Map<HeadLevel, String> of(String countyCode) {
        return BY_COUNTY.getOrDefault(countyCode, BY_COUNTY.get(DEFAULT));
    }

    private static Map<String, Map<HeadLevel, String>> load() {
        try (InputStream in = HeadTitles.class.getClassLoader().getResourceAsStream("people/head-titles.json")) {
            Map<String, Object> raw = new ObjectMapper().readValue(in, new TypeReference<>() {});
            var counties = new HashMap<String, Map<HeadLevel, String>>();
            raw.forEach((county, titles) -> {
                if (county.equals("_")) return;
                var byLevel = new EnumMap<HeadLevel, String>(HeadLevel.class);
                @SuppressWarnings("unchecked") Map<String, String> named = (Map<String, String>) titles;
                for (HeadLevel level : HeadLevel.values()) {
                    String title = named.get(level.code());
                    if (title == null || title.isBlank()) {
                        throw new IllegalStateException("people/head-titles.json: county %s names no title for level %s"
                                .formatted(county, level.code()));
                    }
                    byLevel.put(level, title);
                }
                counties.put(county, java.util.Collections.unmodifiableMap(byLevel));
            });
            if (!counties.containsKey(DEFAULT)) throw new IllegalStateException("people/head-titles.json has no default titles");
            return Map.copyOf(counties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
