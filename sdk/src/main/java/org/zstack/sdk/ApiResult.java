package org.zstack.sdk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The raw outcome of one call: either an error or the reply body, which {@link #getResult} turns into
 * a result class.
 */
public class ApiResult {
    public ErrorCode error;
    private String resultString;

    public ApiResult() {
    }

    static ApiResult ofError(ErrorCode error) {
        ApiResult r = new ApiResult();
        r.error = error;
        return r;
    }

    static ApiResult ofBody(String body) {
        ApiResult r = new ApiResult();
        r.resultString = body;
        return r;
    }

    public ErrorCode getError() { return error; }
    public void setError(ErrorCode error) { this.error = error; }
    public String getResultString() { return resultString; }
    public void setResultString(String resultString) { this.resultString = resultString; }

    /**
     * Reads the body into {@code clz}, then re-reads every value the reply's {@code schema} names
     * ({"inventories[0]": "org.zstack.header.zone.ZoneInventory", ...}) as the SDK class that
     * {@link SourceClassMap} maps it to. Server classes the map does not know are left as Gson read them.
     * Like ZStack's SDK, a schema path that holds null is an error (an {@link ApiException}).
     *
     * @return null when the body is empty
     */
    public <T> T getResult(Class<T> clz) {
        if (resultString == null || resultString.isBlank()) {
            return null;
        }
        JsonElement root = JsonParser.parseString(resultString);
        T result = JsonSupport.GSON.fromJson(root, clz);
        if (result != null && root.isJsonObject()) {
            JsonElement schema = root.getAsJsonObject().get("schema");
            if (schema != null && schema.isJsonObject()) {
                applySchema(result, root.getAsJsonObject(), schema.getAsJsonObject());
            }
        }
        return result;
    }

    private static void applySchema(Object result, JsonObject root, JsonObject schema) {
        // Parents first: re-reading a parent replaces its children, so theirs must come after.
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(schema.entrySet());
        entries.sort(Comparator.comparingInt(e -> SchemaPath.parse(e.getKey()).size()));
        for (Map.Entry<String, JsonElement> e : entries) {
            String sdkClassName = SourceClassMap.srcToDstMapping.get(e.getValue().getAsString());
            if (sdkClassName == null) {
                continue;
            }
            retype(result, root, e.getKey(), loadClass(sdkClassName));
        }
    }

    private static void retype(Object result, JsonObject root, String path, Class<?> type) {
        List<Object> steps = SchemaPath.parse(path);
        JsonElement json = SchemaPath.jsonAt(root, steps);
        if (json == null || json.isJsonNull()) {
            throw new ApiException("the reply's schema names [" + path + "], which holds no value");
        }
        Object parent = result;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = SchemaPath.get(parent, step);
            if (parent == null) {
                return; // a part of the reply the result class does not declare
            }
        }
        SchemaPath.set(parent, steps.get(steps.size() - 1), JsonSupport.GSON.fromJson(json, type));
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SourceClassMap names a missing class " + name, e);
        }
    }

    /** Paths like "inventories[0].subTasks[1]" as steps: field/key names (String) and list indexes (Integer). */
    static final class SchemaPath {
        private SchemaPath() {
        }

        static List<Object> parse(String path) {
            List<Object> steps = new ArrayList<>();
            for (String part : path.split("\\.")) {
                int bracket = part.indexOf('[');
                String name = bracket < 0 ? part : part.substring(0, bracket);
                if (!name.isEmpty()) {
                    steps.add(name);
                }
                while (bracket >= 0) {
                    int close = part.indexOf(']', bracket);
                    steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                    bracket = part.indexOf('[', close);
                }
            }
            return steps;
        }

        static JsonElement jsonAt(JsonElement root, List<Object> steps) {
            JsonElement cur = root;
            for (Object step : steps) {
                if (step instanceof Integer i) {
                    if (cur == null || !cur.isJsonArray() || i >= cur.getAsJsonArray().size()) {
                        return null;
                    }
                    cur = cur.getAsJsonArray().get(i);
                } else {
                    if (cur == null || !cur.isJsonObject()) {
                        return null;
                    }
                    cur = cur.getAsJsonObject().get((String) step);
                }
            }
            return cur;
        }

        static Object get(Object holder, Object step) {
            if (step instanceof Integer i) {
                return holder instanceof List<?> l && i < l.size() ? l.get(i) : null;
            }
            if (holder instanceof Map<?, ?> m) {
                return m.get(step);
            }
            Field f = field(holder.getClass(), (String) step);
            try {
                return f == null ? null : f.get(holder);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unchecked")
        static void set(Object holder, Object step, Object value) {
            if (step instanceof Integer i) {
                if (holder instanceof List<?> l && i < l.size()) {
                    ((List<Object>) l).set(i, value);
                }
            } else if (holder instanceof Map<?, ?> m) {
                ((Map<Object, Object>) m).put(step, value);
            } else {
                Field f = field(holder.getClass(), (String) step);
                if (f != null && f.getType().isInstance(value)) {
                    try {
                        f.set(holder, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        private static Field field(Class<?> clz, String name) {
            for (Class<?> c = clz; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f;
                } catch (NoSuchFieldException ignored) {
                    // look in the superclass
                }
            }
            return null;
        }
    }
}
