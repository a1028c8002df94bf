package org.gridcc.boundary.read;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which attribute holds what. code and name required; parent and head optional (null). */
public record FieldMapping(String code, String name, String parent, String head) {

    private static final List<String> CODE = List.of("编码", "代码", "网格编码", "区划代码", "CODE", "GRID_CODE", "GRIDCODE", "DM", "BM");
    private static final List<String> NAME = List.of("名称", "网格名称", "NAME", "GRID_NAME", "MC");
    private static final List<String> PARENT = List.of("上级编码", "上级代码", "父级编码", "PARENT", "PARENT_CODE", "PCODE", "SJDM");
    private static final List<String> HEAD = List.of("网格长", "负责人", "HEAD");

    /**
     * Given names win (they must be among fields); otherwise each role is found by its common
     * names, case-insensitively. A missing code or name, or a given name that is not a field, is refused.
     */
    public static FieldMapping detect(List<String> fields, Optional<String> code, Optional<String> name, Optional<String> parent, Optional<String> head) {
        return new FieldMapping(
                field(fields, code, CODE, "codeField", "the grid code").orElseThrow(() -> missing(fields, "codeField", "the grid code", CODE)),
                field(fields, name, NAME, "nameField", "the grid name").orElseThrow(() -> missing(fields, "nameField", "the grid name", NAME)),
                field(fields, parent, PARENT, "parentField", "the parent code").orElse(null),
                field(fields, head, HEAD, "headField", "the grid head").orElse(null));
    }

    private static Optional<String> field(List<String> fields, Optional<String> given, List<String> common, String parameter, String role) {
        if (given.isPresent() && !given.get().isBlank()) {
            if (fields.contains(given.get())) return given;
            throw BadFile.refuse(parameter, parameter + "=" + given.get() + " is not a field of the file; its fields are: " + String.join(", ", fields));
        }
        return usual(fields, common);
    }

    /** Common names in order of preference: the first that the fields have wins, case-insensitively. */
    private static Optional<String> usual(Collection<String> fields, List<String> common) {
        for (String candidate : common) {
            for (String field : fields) {
                if (field.toUpperCase(Locale.ROOT).equals(candidate.toUpperCase(Locale.ROOT))) return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** A feature's code and name under their usual field names, to name it in a message: "编码 530324101, 名称 板桥镇" (empty if neither). */
    static String codeAndName(Map<String, String> attributes) {
        return Stream.of(CODE, NAME)
                .flatMap(common -> usual(attributes.keySet(), common).stream())
                .map(field -> field + " " + attributes.get(field))
                .collect(Collectors.joining(", "));
    }

    private static RuntimeException missing(List<String> fields, String parameter, String role, List<String> common) {
        return BadFile.refuse(parameter, "no field holds " + role + " (looked for " + String.join(", ", common) + "); the file's fields are: "
                + String.join(", ", fields) + "; give " + parameter + "=… to name it");
    }
}
