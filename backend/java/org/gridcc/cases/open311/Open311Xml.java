package org.gridcc.cases.open311;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an answer as Open311 XML from its JSON tree: the spec's Spark convention read backwards, so
 * one record gives both formats. A list is an element whose children are named by its singular
 * ({@code endpoints} holds {@code endpoint}s; the root list's items are named by the caller), and
 * null is an empty element, as in the spec's {@code <account_id/>}.
 */
final class Open311Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** Characters XML 1.0 cannot carry at all; a description typed in through another channel may hold one. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private Open311Xml() {}

    static String document(String root, String item, JsonNode content) {
        var text = new StringWriter();
        try {
            XMLStreamWriter out = FACTORY.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            element(out, root, item, content);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter out, String name, String item, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            out.writeEmptyElement(name);
            return;
        }
        out.writeStartElement(name);
        if (node.isArray()) {
            for (JsonNode child : node) element(out, item, null, child);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(out, field.getKey(), singular(field.getKey()), field.getValue());
            }
        } else {
            out.writeCharacters(NOT_XML.matcher(node.asText()).replaceAll(""));
        }
        out.writeEndElement();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
