package org.zstack.core.json;

import com.google.gson.*;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client's JSON as RFC 8259 defines it and nothing more: Gson's own parser accepts unquoted names, single
 * quotes, comments, NaN and trailing data, and keeps the last of two equal keys, so {params: {name: x}} created a
 * zone. Also refused here: bytes that are not UTF-8, a key given twice in one object, nesting deeper than
 * {@link #MAX_DEPTH}, and number literals that are not RFC 8259's or too long to be a sane value (1e999999999 would
 * cost a BigInteger of a billion digits to convert).
 */
public final class StrictJsonParser {
    public static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final Pattern RFC_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");
    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    /** What is wrong with the text, in words for the client (no class names, no troubleshooting links). */
    public static class NotStrictJsonException extends RuntimeException {
        public NotStrictJsonException(String message) {
            super(message, null, false, false);
        }
    }

    private StrictJsonParser() {
    }

    /** Decodes UTF-8 strictly: a malformed byte is an error, not a U+FFFD in the stored name. */
    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotStrictJsonException("the text is not valid UTF-8");
        }
    }

    public static JsonElement parse(String text) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        try {
            JsonElement e = read(r, 0);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new NotStrictJsonException("more than one JSON value" + where(r));
            }
            return e;
        } catch (NotStrictJsonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Gson's message names its own classes and a URL; the client only needs where
            throw new NotStrictJsonException("not valid JSON (RFC 8259: names and strings in double quotes, no comments, "
                    + "no NaN or Infinity, one value)" + where(e.getMessage()));
        }
    }

    private static JsonElement read(JsonReader r, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new NotStrictJsonException(String.format("JSON nested deeper than %d levels%s", MAX_DEPTH, where(r)));
        }
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    if (o.has(name)) {
                        throw new NotStrictJsonException(String.format("the key \"%s\" appears twice in one object%s", name, where(r)));
                    }
                    o.add(name, read(r, depth + 1));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                r.beginArray();
                while (r.hasNext()) {
                    a.add(read(r, depth + 1));
                }
                r.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(r.nextString());
            }
            case NUMBER -> {
                String n = r.nextString();
                if (n.length() > MAX_NUMBER_LENGTH || !RFC_NUMBER.matcher(n).matches()) {
                    throw new NotStrictJsonException(String.format("the number %s is not a JSON number this server takes "
                            + "(at most %d characters, exponent at most 3 digits)%s", abbreviate(n), MAX_NUMBER_LENGTH, where(r)));
                }
                return new JsonPrimitive(new BigDecimal(n));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(r.nextBoolean());
            }
            case NULL -> {
                r.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new NotStrictJsonException("unexpected end of the JSON text" + where(r));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String where(JsonReader r) {
        return " at " + r.getPath();
    }

    private static String where(String gsonMessage) {
        Matcher m = WHERE.matcher(gsonMessage == null ? "" : gsonMessage);
        return m.find() ? String.format(" at line %s column %s", m.group(1), m.group(2)) : "";
    }
}
