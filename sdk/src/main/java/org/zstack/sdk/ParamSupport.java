package org.zstack.sdk;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Finds an action's {@link Param} fields and applies their checks. */
final class ParamSupport {
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private ParamSupport() {
    }

    /** Public @Param fields of the action's class and its superclasses, subclass first. */
    static List<Field> paramFields(Class<?> clz) {
        return FIELDS.computeIfAbsent(clz, c -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Param.class) && Modifier.isPublic(f.getModifiers())
                            && !Modifier.isStatic(f.getModifiers())) {
                        fields.add(f);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }

    static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void validate(AbstractAction action) {
        String api = action.getClass().getSimpleName();
        for (Field f : paramFields(action.getClass())) {
            Param p = f.getAnnotation(Param.class);
            Object value = read(f, action);
            String where = "field [" + f.getName() + "] of " + api;
            if (value == null) {
                if (p.required()) {
                    throw new ApiException("missing mandatory " + where);
                }
                continue;
            }
            if (value instanceof String s) {
                checkString(p, s, where);
            } else if (value instanceof Collection<?> c) {
                checkCollection(p, c, where);
            } else if (value instanceof Map<?, ?> m && p.nonempty() && m.isEmpty()) {
                throw new ApiException(where + " must not be empty");
            } else {
                checkValidValue(p, value, where);
                checkRange(p, value, where);
            }
        }
    }

    private static void checkString(Param p, String s, String where) {
        if (!p.emptyString() && s.isBlank()) {
            throw new ApiException(where + " must not be an empty string");
        }
        if (s.length() > p.maxLength()) {
            throw new ApiException(where + " is longer than " + p.maxLength() + " characters");
        }
        if (s.length() < p.minLength()) {
            throw new ApiException(where + " is shorter than " + p.minLength() + " characters");
        }
        if (!p.validRegexValues().isEmpty() && !Pattern.matches(p.validRegexValues(), s)) {
            throw new ApiException(where + " is [" + s + "], which does not match " + p.validRegexValues());
        }
        checkValidValue(p, s, where);
    }

    private static void checkCollection(Param p, Collection<?> c, String where) {
        if (p.nonempty() && c.isEmpty()) {
            throw new ApiException(where + " must not be empty");
        }
        for (Object element : c) {
            if (element == null) {
                if (!p.nullElements()) {
                    throw new ApiException(where + " must not contain null elements");
                }
                continue;
            }
            checkValidValue(p, element, where);
        }
    }

    private static void checkValidValue(Param p, Object value, String where) {
        if (p.validValues().length > 0 && !Arrays.asList(p.validValues()).contains(String.valueOf(value))) {
            throw new ApiException(where + " is [" + value + "], but must be one of "
                    + Arrays.toString(p.validValues()));
        }
    }

    private static void checkRange(Param p, Object value, String where) {
        long[] range = p.numberRange();
        if (range.length == 2 && value instanceof Number n) {
            double d = n.doubleValue();
            if (d < range[0] || d > range[1]) {
                throw new ApiException(where + " is " + value + ", outside [" + range[0] + ", " + range[1] + "]");
            }
        }
    }
}
