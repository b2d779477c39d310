package org.zstack.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.zstack.header.message.APINoSee;

import java.lang.reflect.*;
import java.math.BigDecimal;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

import static org.zstack.core.Platform.argerr;

/**
 * The parameters a client may send to an API: the visible fields of its message class, and of the objects those
 * fields hold (a task's vms[].nics[]). A name that is none of them is refused rather than dropped, so a misspelt
 * "descripton" or a smuggled "session" is an error the client sees, not a request carried out without it.
 */
final class RequestFields {
    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private RequestFields() {
    }

    /** The fields a client can set on this class, by name (Gson's name: the Java field name). */
    static Map<String, Field> of(Class<?> clz) {
        return FIELDS.computeIfAbsent(clz, RequestFields::collect);
    }

    private static Map<String, Field> collect(Class<?> clz) {
        Map<String, Field> ret = new TreeMap<>();
        for (Class<?> c = clz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() || f.isAnnotationPresent(APINoSee.class)
                        || f.getName().startsWith("$") || f.getName().equals("metaClass")) {
                    continue;
                }
                ret.putIfAbsent(f.getName(), f);
            }
        }
        return ret;
    }

    /** Refuses any key of the object (and of the objects inside it) that the class does not have. */
    static void checkKnown(JsonObject o, Class<?> clz, String where) {
        Map<String, Field> known = of(clz);
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Field f = known.get(e.getKey());
            if (f == null) {
                throw new RestException(400, argerr("unknown parameter %s%s; %s takes %s", where, e.getKey(),
                        clz.getSimpleName(), known.keySet()));
            }
            checkValue(e.getValue(), f.getGenericType(), where + e.getKey());
        }
    }

    private static void checkValue(JsonElement v, Type t, String where) {
        Class<?> raw = raw(t);
        if (raw == null) {
            return;
        }
        if (Collection.class.isAssignableFrom(raw) && v.isJsonArray() && t instanceof ParameterizedType p) {
            JsonArray a = v.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                checkValue(a.get(i), p.getActualTypeArguments()[0], where + "[" + i + "]");
            }
        } else if (v.isJsonObject() && isBean(raw)) {
            checkKnown(v.getAsJsonObject(), raw, where + ".");
        }
        // anything else (a map, or a value of the wrong shape) is Gson's to accept or refuse
    }

    private static boolean isBean(Class<?> c) {
        return !(c.isPrimitive() || c.isEnum() || c.isArray() || c.getName().startsWith("java.")
                || c.getName().startsWith("com.google.gson.") || Map.class.isAssignableFrom(c)
                || Collection.class.isAssignableFrom(c));
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /**
     * A query-string value as the field's JSON: a number for a numeric field (so that the strict number adapter
     * takes it), true/false stay strings (the boolean adapter reads both), everything else a string.
     */
    static JsonElement fromQueryString(Class<?> apiClass, String name, String value) {
        Field f = of(apiClass).get(name);
        Class<?> type = f == null ? String.class : f.getType();
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            try {
                if (value.length() > 64) {
                    throw new NumberFormatException();
                }
                return new JsonPrimitive(new BigDecimal(value.trim()));
            } catch (NumberFormatException e) {
                throw new RestException(400, argerr("parameter %s must be a number, not %s", name,
                        value.length() > 64 ? value.substring(0, 64) + "..." : value));
            }
        }
        return new JsonPrimitive(value);
    }
}
