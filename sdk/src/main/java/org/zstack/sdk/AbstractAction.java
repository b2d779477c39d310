package org.zstack.sdk;

import java.lang.reflect.Field;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One API call. Subclasses declare the API's parameters as public {@link Param} fields, say where the
 * API lives in {@link #getRestInfo()}, and offer {@code call()} / {@code call(Completion)} returning
 * their own {@code Result}.
 */
public abstract class AbstractAction {
    @Param(required = false)
    public String resourceUuid;
    @Param(required = false)
    public List<String> tagUuids;
    @Param(required = false)
    public List<String> systemTags;
    @Param(required = false)
    public List<String> userTags;
    @Param(required = false)
    public String sessionId;
    @Param(required = false)
    public String accessKeyId;
    @Param(required = false)
    public String accessKeySecret;
    @Param(required = false)
    public String requestIp;

    /** Milliseconds to wait for the result, polling included; -1 means the configured default. */
    @NonAPIParam
    public long timeout = -1;
    /** Milliseconds between polls; -1 means the configured default. */
    @NonAPIParam
    public long pollingInterval = -1;

    /** Credentials and the caller's address travel in headers, never in the body or the query string. */
    static final Set<String> HEADER_PARAMS = Set.of("sessionId", "accessKeyId", "accessKeySecret", "requestIp");

    protected abstract RestInfo getRestInfo();

    /** The value sent for a parameter. A hook for actions that transform one (login hashes the password). */
    protected Object paramValue(String name, Object value) {
        return value;
    }

    /** The value of any public field by name, for filling path variables such as {uuid}. */
    Object fieldValue(String name) {
        try {
            Field f = getClass().getField(name);
            return paramValue(name, f.get(this));
        } catch (NoSuchFieldException e) {
            throw new ApiException(getClass().getSimpleName() + " has no field [" + name + "] for its path");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The set API parameters, as sent; nulls and header parameters are left out. */
    Map<String, Object> apiParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Field f : ParamSupport.paramFields(getClass())) {
            Object value = paramValue(f.getName(), ParamSupport.read(f, this));
            if (value != null && !HEADER_PARAMS.contains(f.getName())) {
                params.putIfAbsent(f.getName(), value);
            }
        }
        return params;
    }

    /** Query-string pairs for GET and DELETE: lists as repeated keys, maps as key.subkey. */
    List<Map.Entry<String, String>> queryParameters(Map<String, Object> params) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        params.forEach((k, v) -> addQueryValue(pairs, k, v));
        return pairs;
    }

    static void addQueryValue(List<Map.Entry<String, String>> pairs, String key, Object value) {
        if (value instanceof Collection<?> c) {
            for (Object element : c) {
                if (element != null) {
                    pairs.add(new SimpleImmutableEntry<>(key, String.valueOf(element)));
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> addQueryValue(pairs, key + "." + k, v));
        } else if (value != null) {
            pairs.add(new SimpleImmutableEntry<>(key, String.valueOf(value)));
        }
    }

    /**
     * Completes an action's result from the raw outcome. A reply that cannot be read becomes error
     * sdk.1002 rather than an exception, so that synchronous and asynchronous callers see it alike.
     */
    protected static <V, R extends ActionResult<V, R>> R fill(R ret, ApiResult res, Class<V> valueClass) {
        if (res.error != null) {
            ret.error = res.error;
            return ret;
        }
        try {
            V value = res.getResult(valueClass);
            ret.value = value != null ? value : valueClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(valueClass + " needs a public no-argument constructor", e);
        } catch (RuntimeException e) {
            ret.error = new ErrorCode(ZSClient.SDK_BAD_REPLY, "cannot read the server's reply",
                    e.getMessage() + "; reply: " + res.getResultString());
        }
        return ret;
    }
}
