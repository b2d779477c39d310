package org.zstack.v2v.contract;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON a class reads and writes with Gson, seen through reflection: its field names (Gson's, so
 * {@code @SerializedName} counts) and the JSON kind of each, nested classes, lists and maps followed. Two classes
 * that declare the same message on both ends of the wire must have the same shape; {@link #fill} makes an instance
 * whose every field holds a value unlike its default, for a round trip through the real Gson of each side.
 */
final class WireShapes {
    private WireShapes() {
    }

    /**
     * What JSON carries and what a Java field can take back: a 64-bit number does not fit an int field, a fraction
     * does not fit an integral one. Nullness is not part of it (int and Integer read the same JSON).
     */
    enum Kind { STRING, BOOLEAN, INT32, INT64, DECIMAL, LIST, MAP, ANY, OBJECT }

    static Kind kind(Type t) {
        Class<?> c = raw(t);
        if (c == String.class || c == char.class || c == Character.class || c.isEnum()) {
            return Kind.STRING;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class) {
            return Kind.INT32;
        }
        if (c == long.class || c == Long.class) {
            return Kind.INT64;
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Kind.DECIMAL;
        }
        if (c.isArray() || Collection.class.isAssignableFrom(c)) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(c)) {
            return Kind.MAP;
        }
        if (c == Object.class || JsonElement.class.isAssignableFrom(c)) {
            return Kind.ANY;
        }
        return Kind.OBJECT;
    }

    /** The fields Gson writes, by JSON name, superclasses included. */
    static Map<String, Field> fields(Class<?> c) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                SerializedName n = f.getAnnotation(SerializedName.class);
                fields.putIfAbsent(n == null ? f.getName() : n.value(), f);
            }
        }
        return fields;
    }

    /**
     * Every difference between the node's and the agent's shape of one message, each naming the classes, the field's
     * path (ConvertCmd.nics[].mac) and what differs.
     */
    static List<String> differences(Class<?> node, Class<?> agent) {
        List<String> out = new ArrayList<>();
        compare(node.getSimpleName(), node, agent, out, new HashSet<>());
        return out;
    }

    private static void compare(String where, Type node, Type agent, List<String> out, Set<String> seen) {
        Kind kn = kind(node);
        Kind ka = kind(agent);
        if (kn != ka) {
            out.add(String.format("%s: the node's is %s (%s), the agent's %s (%s)", where, kn, node.getTypeName(), ka,
                    agent.getTypeName()));
            return;
        }
        switch (kn) {
            case LIST -> compare(where + "[]", element(node), element(agent), out, seen);
            case MAP -> {
                if (kind(mapKey(node)) != Kind.STRING || kind(mapKey(agent)) != Kind.STRING) {
                    out.add(where + ": a map's keys must be strings on both sides");
                }
                compare(where + "{}", mapValue(node), mapValue(agent), out, seen);
            }
            case OBJECT -> {
                Class<?> n = raw(node);
                Class<?> a = raw(agent);
                if (!seen.add(n.getName() + "|" + a.getName())) {
                    return;
                }
                Map<String, Field> nf = fields(n);
                Map<String, Field> af = fields(a);
                for (String name : nf.keySet()) {
                    if (!af.containsKey(name)) {
                        out.add(String.format("%s.%s is only on the node (%s; the agent's %s lacks it)", where, name,
                                n.getName(), a.getName()));
                    }
                }
                for (String name : af.keySet()) {
                    if (!nf.containsKey(name)) {
                        out.add(String.format("%s.%s is only on the agent (%s; the node's %s lacks it)", where, name,
                                a.getName(), n.getName()));
                    }
                }
                for (Map.Entry<String, Field> e : nf.entrySet()) {
                    Field other = af.get(e.getKey());
                    if (other != null) {
                        compare(where + "." + e.getKey(), e.getValue().getGenericType(), other.getGenericType(), out, seen);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** An instance of c with every JSON field set, each value distinct and unlike the field's default. */
    static Object fill(Class<?> c) {
        return fill(c, "v", new int[]{1});
    }

    private static Object fill(Type t, String name, int[] counter) {
        Class<?> c = raw(t);
        int n = counter[0]++;
        switch (kind(t)) {
            case STRING:
                return c.isEnum() ? c.getEnumConstants()[n % c.getEnumConstants().length] : name + "-" + n;
            case BOOLEAN:
                return Boolean.TRUE;
            case INT32:
                return c == short.class || c == Short.class ? (Object) (short) n : c == byte.class || c == Byte.class ? (Object) (byte) n : n;
            case INT64:
                // beyond an int: a 32-bit field on the other side would not take it
                return 5_000_000_000L + n;
            case DECIMAL:
                // a fraction: an integral field on the other side would not take it
                return c == float.class || c == Float.class ? (Object) (n + 0.5f) : n + 0.25;
            case LIST: {
                if (c.isArray()) {
                    Object array = Array.newInstance(c.getComponentType(), 2);
                    for (int i = 0; i < 2; i++) {
                        Array.set(array, i, fill(c.getComponentType(), name, counter));
                    }
                    return array;
                }
                List<Object> list = new ArrayList<>();
                list.add(fill(element(t), name, counter));
                return list;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(name + "-key", fill(mapValue(t), name, counter));
                return map;
            }
            case ANY:
                return name + "-" + n;
            default:
                return object(c, counter);
        }
    }

    private static Object object(Class<?> c, int[] counter) {
        try {
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            Object o = k.newInstance();
            for (Map.Entry<String, Field> e : fields(c).entrySet()) {
                Field f = e.getValue();
                f.setAccessible(true);
                if (kind(f.getGenericType()) == Kind.BOOLEAN) {
                    // unlike its default, so a field the receiver drops cannot pass unseen
                    Object now = f.get(o);
                    f.set(o, !Boolean.TRUE.equals(now));
                } else {
                    f.set(o, fill(f.getGenericType(), e.getKey(), counter));
                }
            }
            return o;
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot fill " + c.getName() + ": " + ex, ex);
        }
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type element(Type t) {
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        Class<?> c = raw(t);
        if (c.isArray()) {
            return c.getComponentType();
        }
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static Type mapKey(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static Type mapValue(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
    }
}
