package org.gridcc.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * What every JSON body is held to beyond its shape: a field given twice is refused (Jackson would
 * keep the last one, silently dropping what the client meant first), and so is a string PostgreSQL
 * cannot store as text: one with a NUL character (a 500 at the insert) or a lone surrogate (half of
 * a UTF-16 pair, sent as a JSON escape, which the driver's UTF-8 encoder silently stored as "?").
 * Both become 400 problems naming the field, in {@link ProblemMapper}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** What a client is told about a NUL character, wherever it came in (body, query, path, form). */
    public static final String NUL_NOT_ALLOWED = "a NUL character (U+0000) is not allowed; remove it";
    /** What a client is told about half a UTF-16 pair: only JSON's \\u escapes can send one. */
    static final String LONE_SURROGATE = "a lone surrogate (\\ud800 to \\udfff without its pair) is not a character; "
            + "send the character itself, or both halves of its pair";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("gridcc-strict-strings").addDeserializer(String.class, new NoNulStrings()));
    }

    /** True when the text holds a NUL character. */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Why the text cannot be stored, or null when it can. */
    static String unstorable(String text) {
        if (hasNul(text)) return NUL_NOT_ALLOWED;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    /** A string value that cannot be stored; its path is the field's, as Jackson adds it on the way out. */
    public static final class UnstorableString extends MismatchedInputException {
        private final String reason;

        UnstorableString(JsonParser parser, String reason) {
            super(parser, "String value cannot be stored: " + reason, String.class);
            this.reason = reason;
        }

        /** What the client is told about the field. */
        public String reason() {
            return reason;
        }
    }

    /**
     * Jackson's own String deserializer (with its coercions) that then refuses what cannot be stored. Not
     * marked as a standard one, so that lists and arrays of strings use it too.
     */
    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String reason = value == null ? null : unstorable(value);
            if (reason != null) throw new UnstorableString(p, reason);
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** The duplicated field's name when the parse failed on a field given twice, else null. */
    static String duplicatedField(com.fasterxml.jackson.core.JsonParseException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix) || !message.endsWith("'")) return null;
        return message.substring(prefix.length(), message.length() - 1);
    }

    /**
     * Where the parser stood when it failed, as the client wrote it ({@code days[1].date}): for a
     * field given twice, the second one. Empty when the parser is not known.
     */
    static String pathAt(com.fasterxml.jackson.core.JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) return "";
        var contexts = new ArrayDeque<JsonStreamContext>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) contexts.push(c);
        var path = new StringBuilder();
        for (JsonStreamContext c : contexts) {
            if (c.inObject() && c.getCurrentName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return path.toString();
    }
}
