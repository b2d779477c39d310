package org.zstack.apigen;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How server field types appear in the clients and the docs. Enums travel as their names, so they are strings;
 * dates are java.sql.Timestamp in the Java SDK (Gson's "Nov 25, 2026 11:26:06 PM" form on the wire); org.zstack
 * structures become SDK classes of the same simple name; anything else unknown is an Object.
 */
final class Types {
    private Types() {
    }

    private static final Set<Class<?>> BOXES = Set.of(Boolean.class, Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class, Character.class);

    static boolean isPlain(Class<?> c) {
        return c.isPrimitive() || BOXES.contains(c) || c == String.class || c.isEnum() || Date.class.isAssignableFrom(c)
                || Number.class.isAssignableFrom(c);
    }

    /** A class the SDKs mirror as a structure of their own. */
    static boolean isDataClass(Class<?> c) {
        return !isPlain(c) && !c.isArray() && !Collection.class.isAssignableFrom(c) && !Map.class.isAssignableFrom(c)
                && !c.isInterface() && c.getName().startsWith("org.zstack.")
                && !ApiModel.RUNTIME_CLASSES.containsKey(c.getName());
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    /** Type arguments, with wildcards and type variables as null (unknown). */
    static Type[] args(Type t) {
        if (!(t instanceof ParameterizedType p)) {
            return new Type[0];
        }
        Type[] a = p.getActualTypeArguments().clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof WildcardType || a[i] instanceof TypeVariable<?>) {
                a[i] = null;
            }
        }
        return a;
    }

    static Type elementType(Type t) {
        Class<?> c = raw(t);
        if (c.isArray()) {
            return t instanceof GenericArrayType g ? g.getGenericComponentType() : c.getComponentType();
        }
        Type[] a = args(t);
        if (Collection.class.isAssignableFrom(c)) {
            return a.length == 1 ? a[0] : null;
        }
        if (Map.class.isAssignableFrom(c)) {
            return a.length == 2 ? a[1] : null;
        }
        return null;
    }

    /** Every class a type mentions. */
    static void walk(Type t, Consumer<Class<?>> visitor) {
        if (t == null) {
            return;
        }
        Class<?> c = raw(t);
        if (c.isArray() || Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            if (t instanceof ParameterizedType p) {
                for (Type a : p.getActualTypeArguments()) {
                    if (!(a instanceof WildcardType) && !(a instanceof TypeVariable<?>)) {
                        walk(a, visitor);
                    }
                }
            } else if (c.isArray()) {
                walk(elementType(t), visitor);
            }
            return;
        }
        visitor.accept(c);
    }

    /**
     * The Java SDK's spelling of a type. boxParams: for action fields, where null means "not sent", primitives are
     * boxed. names: the SDK name of a data class.
     */
    static String java(Type t, boolean boxPrimitives, Function<Class<?>, String> names) {
        if (t == null) {
            return "Object";
        }
        Class<?> c = raw(t);
        if (c.isPrimitive()) {
            return boxPrimitives ? box(c).getSimpleName() : c.getName();
        }
        if (BOXES.contains(c) || c == String.class) {
            return c.getSimpleName();
        }
        if (c.isEnum()) {
            return "String";
        }
        if (Date.class.isAssignableFrom(c)) {
            return "java.sql.Timestamp";
        }
        if (Number.class.isAssignableFrom(c)) {
            return c.getName();
        }
        if (c.isArray()) {
            return "java.util.List<" + java(elementType(t), true, names) + ">";
        }
        if (Collection.class.isAssignableFrom(c)) {
            String coll = Set.class.isAssignableFrom(c) ? "java.util.Set" : "java.util.List";
            Type e = elementType(t);
            return e == null ? coll : coll + "<" + java(e, true, names) + ">";
        }
        if (Map.class.isAssignableFrom(c)) {
            Type[] a = args(t);
            if (a.length != 2 || a[0] == null || a[1] == null) {
                return "java.util.Map";
            }
            return "java.util.Map<" + java(a[0], true, names) + ", " + java(a[1], true, names) + ">";
        }
        if (ApiModel.RUNTIME_CLASSES.containsKey(c.getName()) || isDataClass(c)) {
            return names.apply(c);
        }
        return "Object";
    }

    /** The docs' and the Python SDK's spelling: Java-like, without packages (List<String>, Timestamp, ZoneInventory). */
    static String doc(Type t, Function<Class<?>, String> names) {
        return java(t, true, names).replace("java.util.", "").replace("java.sql.", "").replace("java.math.", "");
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }
}
