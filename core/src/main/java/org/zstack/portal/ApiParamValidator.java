package org.zstack.portal;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.apimediator.ApiMessageInterceptionException;
import org.zstack.header.apimediator.GlobalApiMessageInterceptor;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.argerr;

/** Runs every @APIParam rule of an API before it is dispatched; a violation is SYS.1007 naming the field. */
public class ApiParamValidator implements GlobalApiMessageInterceptor {
    @Autowired
    private DatabaseFacade dbf;

    /** At most this many system tags, user tags or tag uuids in one API; more is no sane request. */
    static final int MAX_TAGS = 100;
    /** The length of SystemTagVO.tag: a longer tag cannot be stored. */
    static final int MAX_TAG_LENGTH = 2048;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{32}");

    private final Map<Class<?>, List<Field>> annotated = new ConcurrentHashMap<>();

    @Override
    public InterceptorPosition getPosition() {
        return InterceptorPosition.SYSTEM;
    }

    @Override
    public int getPriority() {
        return 10;
    }

    @Override
    public APIMessage intercept(APIMessage msg) {
        validateFrameworkFields(msg);
        for (Field f : annotated.computeIfAbsent(msg.getClass(), ApiParamValidator::fieldsOf)) {
            try {
                validate(msg, f, f.getAnnotation(APIParam.class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return msg;
    }

    /**
     * The fields every API has (tags, resourceUuid, tagUuids) carry no @APIParam: bounded here, so that a 1 MB tag
     * list is refused with an error naming it instead of being accepted and lost, and a resourceUuid is a uuid that
     * the API's own paths (/zones/{uuid}) can name afterwards.
     */
    private static void validateFrameworkFields(APIMessage msg) {
        checkTags("systemTags", msg.getSystemTags());
        checkTags("userTags", msg.getUserTags());
        if (msg instanceof APICreateMessage c) {
            if (c.getResourceUuid() != null && !UUID.matcher(c.getResourceUuid()).matches()) {
                throw fail("field[resourceUuid] must be a uuid of 32 lowercase hex characters, not %s", abbreviate(c.getResourceUuid()));
            }
            List<String> tagUuids = c.getTagUuids();
            if (tagUuids != null) {
                if (tagUuids.size() > MAX_TAGS) {
                    throw fail("field[tagUuids] has %d elements; at most %d are allowed", tagUuids.size(), MAX_TAGS);
                }
                for (String u : tagUuids) {
                    if (u == null || !UUID.matcher(u).matches()) {
                        throw fail("field[tagUuids] must hold uuids of 32 lowercase hex characters, not %s", u == null ? null : abbreviate(u));
                    }
                }
            }
        }
    }

    private static void checkTags(String name, List<String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw fail("field[%s] has %d tags; at most %d are allowed", name, tags.size(), MAX_TAGS);
        }
        for (String t : tags) {
            if (t == null || t.isBlank()) {
                throw fail("field[%s] must not contain null or empty tags", name);
            }
            if (t.length() > MAX_TAG_LENGTH) {
                throw fail("field[%s] has a tag of %d characters; a tag has at most %d", name, t.length(), MAX_TAG_LENGTH);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    private static List<Field> fieldsOf(Class<?> clz) {
        List<Field> ret = new ArrayList<>();
        for (Class<?> c = clz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(APIParam.class)) {
                    f.setAccessible(true);
                    ret.add(f);
                }
            }
        }
        return ret;
    }

    private void validate(APIMessage msg, Field f, APIParam p) throws IllegalAccessException {
        Object value = f.get(msg);
        String name = f.getName();
        if (value instanceof String s) {
            if (!p.noTrim()) {
                s = s.trim();
                f.set(msg, s);
            }
            value = s;
        }
        if (value == null) {
            if (p.required()) {
                throw fail("missing mandatory field[%s]", name);
            }
            return;
        }
        if (value instanceof String s) {
            validateString(name, s, p);
        } else if (value instanceof Collection<?> c) {
            validateCollection(name, c, p);
        } else if (value instanceof Number n) {
            validateNumber(name, n, p);
        }
        if (p.resourceType() != Object.class) {
            validateExistence(name, value, p);
        }
    }

    private static void validateString(String name, String s, APIParam p) {
        if (s.isEmpty() && (!p.emptyString() || p.required())) {
            throw fail("field[%s] must not be an empty string", name);
        }
        if (p.maxLength() != Integer.MIN_VALUE && s.length() > p.maxLength()) {
            throw fail("field[%s] exceeds the maximum length of %d characters", name, p.maxLength());
        }
        if (!s.isEmpty() && s.length() < p.minLength()) {
            throw fail("field[%s] is shorter than the minimum length of %d characters", name, p.minLength());
        }
        if (p.validValues().length > 0 && !Arrays.asList(p.validValues()).contains(s)) {
            throw fail("valid value for field[%s] is %s, but %s found", name, Arrays.toString(p.validValues()), s);
        }
        if (!p.validRegexValues().isEmpty() && !Pattern.matches(p.validRegexValues(), s)) {
            throw fail("field[%s] does not match the pattern %s", name, p.validRegexValues());
        }
    }

    private static void validateCollection(String name, Collection<?> c, APIParam p) {
        if (p.nonempty() && c.isEmpty()) {
            throw fail("field[%s] must be a non-empty list", name);
        }
        for (Object e : c) {
            if (e == null) {
                if (!p.nullElements()) {
                    throw fail("field[%s] must not contain null elements", name);
                }
            } else if (e instanceof String s && p.validValues().length > 0 && !Arrays.asList(p.validValues()).contains(s)) {
                throw fail("valid values for elements of field[%s] are %s, but %s found", name, Arrays.toString(p.validValues()), s);
            }
        }
    }

    private static void validateNumber(String name, Number n, APIParam p) {
        long[] r = p.numberRange();
        if (r.length == 2 && (n.longValue() < r[0] || n.longValue() > r[1])) {
            throw fail("field[%s] must be in range [%d, %d], but %s found", name, r[0], r[1], n);
        }
    }

    private void validateExistence(String name, Object value, APIParam p) {
        Collection<?> uuids = value instanceof Collection<?> c ? c : List.of(value);
        for (Object uuid : uuids) {
            if (!(uuid instanceof String s) || !dbf.isExist(s, p.resourceType())) {
                if (p.successIfResourceNotExisting()) {
                    continue;
                }
                throw fail("invalid field[%s], resource[uuid:%s, type:%s] not found", name, uuid,
                        p.resourceType().getSimpleName().replaceAll("VO$", ""));
            }
        }
    }

    private static ApiMessageInterceptionException fail(String fmt, Object... args) {
        return new ApiMessageInterceptionException(argerr(fmt, args));
    }
}
