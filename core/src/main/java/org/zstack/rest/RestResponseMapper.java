package org.zstack.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.message.APINoSee;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.RestResponse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.*;

/**
 * Turns a reply or event into its JSON body by its @RestResponse, and adds the "schema" map: for every JSON path
 * that holds an object, the server class of that object (ZStack's SDK types list items only through it). Only
 * paths that hold a non-null object in the final body are named.
 */
final class RestResponseMapper {
    private RestResponseMapper() {
    }

    static JsonObject toBody(Object result, List<String> onlyFields) {
        return toBody(result, onlyFields, true);
    }

    /** The body without the values of {@link NoLogging} fields: what may be written to disk (the api-job table). */
    static JsonObject toBodyWithoutSecrets(Object result, List<String> onlyFields) {
        return toBody(result, onlyFields, false);
    }

    private static JsonObject toBody(Object result, List<String> onlyFields, boolean withSecrets) {
        RestResponse rr = result.getClass().getAnnotation(RestResponse.class);
        Map<String, Object> parts = new LinkedHashMap<>();
        if (rr != null && !rr.allTo().isEmpty()) {
            parts.put(rr.allTo(), read(result, rr.allTo()));
        } else if (rr != null && rr.fieldsTo().length > 0 && !rr.fieldsTo()[0].equals("all")) {
            for (String mapping : rr.fieldsTo()) {
                String[] kv = mapping.split("=");
                parts.put(kv[0].trim(), read(result, kv.length > 1 ? kv[1].trim() : kv[0].trim()));
            }
        } else if (rr != null) {
            for (Field f : visibleFields(result.getClass())) {
                parts.put(f.getName(), read(result, f.getName()));
            }
        }

        JsonObject body = new JsonObject();
        Map<String, String> schema = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : parts.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            JsonElement json = JSONObjectUtil.restGson.toJsonTree(e.getValue());
            if (onlyFields != null && e.getKey().equals("inventories") && json.isJsonArray()) {
                json.getAsJsonArray().forEach(inv -> keepOnly(inv, onlyFields));
            }
            body.add(e.getKey(), json);
            walk(e.getKey(), e.getValue(), json, schema, withSecrets);
        }
        if (!schema.isEmpty()) {
            body.add("schema", JSONObjectUtil.restGson.toJsonTree(schema));
        }
        return body;
    }

    private static void keepOnly(JsonElement inv, List<String> fields) {
        if (inv.isJsonObject()) {
            inv.getAsJsonObject().keySet().removeIf(k -> !fields.contains(k));
        }
    }

    private static void walk(String path, Object value, JsonElement json, Map<String, String> schema, boolean withSecrets) {
        if (value == null || json == null || json.isJsonNull() || isPlain(value.getClass())) {
            return;
        }
        if (value instanceof Collection<?> c) {
            if (!json.isJsonArray()) {
                return;
            }
            int i = 0;
            for (Object item : c) {
                walk(path + "[" + i + "]", item, json.getAsJsonArray().get(i), schema, withSecrets);
                i++;
            }
            return;
        }
        if (value instanceof Map<?, ?> || !json.isJsonObject()) {
            return;
        }
        schema.put(path, value.getClass().getName());
        JsonObject obj = json.getAsJsonObject();
        for (Field f : visibleFields(value.getClass())) {
            if (!withSecrets && f.isAnnotationPresent(NoLogging.class)) {
                obj.remove(f.getName());
            } else if (obj.has(f.getName())) {
                walk(path + "." + f.getName(), read(value, f.getName()), obj.get(f.getName()), schema, withSecrets);
            }
        }
    }

    private static boolean isPlain(Class<?> c) {
        return c.isPrimitive() || c.isEnum() || c == String.class || Number.class.isAssignableFrom(c)
                || c == Boolean.class || c == Character.class || Date.class.isAssignableFrom(c);
    }

    /** Reflection is costly and the classes never change: each class's fields are looked up once. */
    private static final Map<Class<?>, List<Field>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Field> visibleFields(Class<?> clz) {
        return FIELDS.computeIfAbsent(clz, RestResponseMapper::lookUpVisibleFields);
    }

    private static List<Field> lookUpVisibleFields(Class<?> clz) {
        List<Field> ret = new ArrayList<>();
        for (Class<?> c = clz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && !f.isAnnotationPresent(APINoSee.class)) {
                    f.setAccessible(true);
                    ret.add(f);
                }
            }
        }
        return ret;
    }

    private static Object read(Object o, String field) {
        for (Field f : visibleFields(o.getClass())) {
            if (f.getName().equals(field)) {
                try {
                    return f.get(o);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(o.getClass().getName() + " has no visible field " + field);
    }
}
