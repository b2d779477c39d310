package org.zstack.agent.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of an XML tree to write a domain definition readably: elements, attributes, text, escaping.
 * Not DOM: the builder code reads like the XML it makes, and the attributes keep their order for humans who
 * read {@code virsh dumpxml}-like logs.
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    XmlElement(String name) {
        this.name = name;
    }

    XmlElement attr(String key, Object value) {
        attributes.put(key, String.valueOf(value));
        return this;
    }

    /** Appends a child and returns it, so nested elements are built where they appear. */
    XmlElement child(String childName) {
        XmlElement c = new XmlElement(childName);
        children.add(c);
        return c;
    }

    /** Appends a child holding only text; returns this element, for sibling after sibling. */
    XmlElement child(String childName, Object childText) {
        child(childName).text = String.valueOf(childText);
        return this;
    }

    XmlElement text(Object value) {
        this.text = String.valueOf(value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, 0);
        return sb.toString();
    }

    private void write(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((k, v) -> sb.append(' ').append(k).append("='").append(escape(v)).append('\''));
        if (children.isEmpty() && text == null) {
            sb.append("/>\n");
            return;
        }
        sb.append('>');
        if (text != null) {
            sb.append(escape(text));
        }
        if (!children.isEmpty()) {
            sb.append('\n');
            for (XmlElement c : children) {
                c.write(sb, depth + 1);
            }
            sb.append("  ".repeat(depth));
        }
        sb.append("</").append(name).append(">\n");
    }

    /** Escapes for both text and single-quoted attributes. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
