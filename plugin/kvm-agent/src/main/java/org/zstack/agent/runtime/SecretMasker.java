package org.zstack.agent.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import org.zstack.agent.Secret;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Produces the loggable form of a JSON body: a copy in which the value of every {@link Secret} field of the
 * command (or response) class is replaced by {@value #MASK}. Walks nested objects, lists, arrays and map values
 * by their declared Java types, since a password often sits inside a nested "source" object.
 */
final class SecretMasker {
    static final String MASK = "*****";
    /** Command classes are shallow; the bound only protects against self-referencing types. */
    private static final int MAX_DEPTH = 10;

    private SecretMasker() {
    }

    static JsonElement mask(JsonElement json, Type type) {
        return mask(json, type, 0);
    }

    private static JsonElement mask(JsonElement json, Type type, int depth) {
        if (json == null || json.isJsonNull() || json.isJsonPrimitive() || depth > MAX_DEPTH) {
            return json;
        }
        Class<?> raw = TypeToken.get(type).getRawType();
        if (raw.isAnnotationPresent(Secret.class)) {
            return new JsonPrimitive(MASK);
        }
        if (json.isJsonArray()) {
            Type element = elementType(type, raw);
            JsonArray out = new JsonArray();
            for (JsonElement e : json.getAsJsonArray()) {
                out.add(mask(e, element, depth + 1));
            }
            return out;
        }
        JsonObject in = json.getAsJsonObject();
        if (Map.class.isAssignableFrom(raw)) {
            Type value = typeArg(type, 1);
            JsonObject out = new JsonObject();
            in.entrySet().forEach(e -> out.add(e.getKey(), mask(e.getValue(), value, depth + 1)));
            return out;
        }
        if (isOpaque(raw)) {
            return in.deepCopy();
        }
        JsonObject out = in.deepCopy();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod)) {
                    continue;
                }
                String key = jsonName(f);
                JsonElement v = out.get(key);
                if (v == null || v.isJsonNull()) {
                    continue;
                }
                out.add(key, f.isAnnotationPresent(Secret.class)
                        ? new JsonPrimitive(MASK)
                        : mask(v, f.getGenericType(), depth + 1));
            }
        }
        return out;
    }

    /** JDK and Gson types carry no @Secret fields of ours; walking them would only waste time. */
    private static boolean isOpaque(Class<?> raw) {
        String n = raw.getName();
        return raw.isPrimitive() || raw.isEnum() || n.startsWith("java.") || n.startsWith("javax.")
                || n.startsWith("com.google.gson.");
    }

    private static String jsonName(Field f) {
        SerializedName sn = f.getAnnotation(SerializedName.class);
        return sn != null ? sn.value() : f.getName();
    }

    private static Type elementType(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return typeArg(type, 0);
        }
        return Object.class;
    }

    private static Type typeArg(Type type, int i) {
        if (type instanceof ParameterizedType pt && pt.getActualTypeArguments().length > i) {
            Type a = pt.getActualTypeArguments()[i];
            // a wildcard or type variable tells us nothing about @Secret fields
            return (a instanceof Class<?> || a instanceof ParameterizedType) ? a : Object.class;
        }
        return Object.class;
    }
}
