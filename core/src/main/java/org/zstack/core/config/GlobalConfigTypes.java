package org.zstack.core.config;

final class GlobalConfigTypes {
    private GlobalConfigTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> T convert(String v, Class<T> clz) {
        if (clz == String.class) {
            return (T) v;
        } else if (clz == Long.class) {
            return (T) Long.valueOf(v);
        } else if (clz == Integer.class) {
            return (T) Integer.valueOf(v);
        } else if (clz == Boolean.class) {
            return (T) Boolean.valueOf(v);
        } else if (clz == Double.class) {
            return (T) Double.valueOf(v);
        }
        throw new IllegalArgumentException("unsupported global config type " + clz);
    }

    static Class<?> typeOf(String name) {
        return switch (name == null ? "java.lang.String" : name) {
            case "java.lang.Long" -> Long.class;
            case "java.lang.Integer" -> Integer.class;
            case "java.lang.Boolean" -> Boolean.class;
            case "java.lang.Double" -> Double.class;
            default -> String.class;
        };
    }
}
