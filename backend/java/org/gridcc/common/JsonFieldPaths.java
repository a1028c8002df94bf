package org.gridcc.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Names JSON fields and expected types the way a client wrote them: {@code days[2].date}. */
final class JsonFieldPaths {

    private JsonFieldPaths() {}

    static String of(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) return "a value of another type";
        if (type.isEnum()) return "one of " + enumValues(type);
        if (type == LocalDate.class) return "a date (yyyy-MM-dd)";
        if (type == Instant.class || type == OffsetDateTime.class) return "a time with offset (2026-05-01T09:30:00+08:00)";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list";
        return "an object";
    }

    static String quote(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> {
                    JsonProperty name = f.getAnnotation(JsonProperty.class);
                    return name != null ? name.value() : f.getName();
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
