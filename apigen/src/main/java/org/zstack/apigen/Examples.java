package org.zstack.apigen;

import org.zstack.header.message.APIParam;

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Example values for the docs, made up from a field's name, type and constraints (an @APIDoc example wins). They are
 * deterministic, so regenerating the docs changes nothing.
 */
final class Examples {
    static final String DATE = "Nov 25, 2026 11:26:06 PM";

    private static final Map<String, Object> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("name", "example");
        BY_NAME.put("description", "an example");
        BY_NAME.put("accountName", "admin");
        BY_NAME.put("username", "root");
        BY_NAME.put("userName", "root");
        BY_NAME.put("password", "password");
        BY_NAME.put("managementIp", "192.168.0.10");
        BY_NAME.put("ip", "192.168.0.10");
        BY_NAME.put("startIp", "192.168.0.10");
        BY_NAME.put("endIp", "192.168.0.100");
        BY_NAME.put("gateway", "192.168.0.1");
        BY_NAME.put("netmask", "255.255.255.0");
        BY_NAME.put("networkCidr", "192.168.0.0/24");
        BY_NAME.put("conversionNetworkCidr", "192.168.0.0/24");
        BY_NAME.put("physicalInterface", "eth0");
        BY_NAME.put("url", "nfs.example.com:/export");
        BY_NAME.put("storagePath", "/cloud/v2v");
        BY_NAME.put("mountPath", "/opt/zstack/nfsprimarystorage/prim-1");
        BY_NAME.put("dnsDomain", "example.com");
        BY_NAME.put("domainName", "vcenter.example.com");
        BY_NAME.put("hypervisorType", "KVM");
        BY_NAME.put("architecture", "x86_64");
        BY_NAME.put("state", "Enabled");
        BY_NAME.put("status", "Connected");
        BY_NAME.put("hostState", "Enabled");
        BY_NAME.put("hostStatus", "Connected");
        BY_NAME.put("sshPort", 22);
        BY_NAME.put("port", 443);
        BY_NAME.put("cpuNum", 4);
        BY_NAME.put("ipVersion", 4);
        BY_NAME.put("category", "identity");
        BY_NAME.put("value", "7200");
        BY_NAME.put("defaultValue", "7200");
        BY_NAME.put("libvirtVersion", "9.0.0");
        BY_NAME.put("qemuVersion", "7.2.0");
        BY_NAME.put("osDistribution", "debian");
        BY_NAME.put("osVersion", "12");
        BY_NAME.put("cpuModelName", "Broadwell");
        BY_NAME.put("jobName", "APIConvertVmFromForeignHypervisorMsg");
        BY_NAME.put("jobData", "{}");
        BY_NAME.put("content", "55");
        BY_NAME.put("taskName", "convert");
        BY_NAME.put("version", "8.0.2");
    }

    private final ApiModel model;

    Examples(ApiModel model) {
        this.model = model;
    }

    /** A 32-hex uuid that stays the same for a name: the example uuid of "zoneUuid" is always the same one. */
    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    Object param(ApiModel.Param p) {
        return value(p.name, p.type, p.ap, p.doc.example(), 0);
    }

    Object field(Field f, int depth) {
        ApiModel.Doc d = model.fieldDoc(f.getDeclaringClass(), f);
        return value(f.getName(), f.getGenericType(), null, d.example(), depth);
    }

    Object value(String name, Type type, APIParam ap, String example, int depth) {
        Class<?> c = Types.raw(type);
        boolean many = c.isArray() || Collection.class.isAssignableFrom(c);
        if (!example.isEmpty()) {
            return parse(example, many ? Types.elementType(type) : type, many);
        }
        if (many) {
            Type e = Types.elementType(type);
            String single = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            if (e == null || depth > 2) {
                return List.of();
            }
            List<Object> l = new ArrayList<>();
            Object one = value(single, e, ap, "", depth + 1);
            if (one != null) {
                l.add(one);
            }
            return l;
        }
        if (ap != null && ap.validValues().length > 0) {
            return convert(ap.validValues()[0], type);
        }
        if (c.isEnum() && c.getEnumConstants().length > 0) {
            return ((Enum<?>) c.getEnumConstants()[0]).name();
        }
        if (Map.class.isAssignableFrom(c)) {
            return new LinkedHashMap<>();
        }
        Class<?> b = Types.box(c);
        if (b == Boolean.class) {
            return Boolean.FALSE;
        }
        if (Number.class.isAssignableFrom(b)) {
            if (ap != null && ap.numberRange().length == 2) {
                return convert(String.valueOf(ap.numberRange()[0]), type);
            }
            Object known = BY_NAME.get(name);
            if (known instanceof Number) {
                return convert(known.toString(), type);
            }
            String n = name.toLowerCase();
            if (n.endsWith("size") || n.endsWith("capacity") || n.endsWith("bandwidth")) {
                return convert("107374182400", type);
            }
            if (n.endsWith("time")) {
                return convert("1764113166000", type);
            }
            return convert("1", type);
        }
        if (Date.class.isAssignableFrom(c)) {
            return DATE;
        }
        if (c == String.class) {
            Object known = BY_NAME.get(name);
            if (known instanceof String s) {
                return s;
            }
            if (name.equals("uuid") || name.endsWith("Uuid") || name.equals("apiId") || name.endsWith("ID")) {
                return uuid(name);
            }
            if (name.endsWith("Ip")) {
                return "192.168.0.10";
            }
            if (name.endsWith("Path")) {
                return "/cloud/" + name;
            }
            if (name.endsWith("Type") || name.equals("type")) {
                return "zstack";
            }
            return name;
        }
        if (Types.isDataClass(c)) {
            return depth > 2 ? null : object(c, depth + 1);
        }
        return null;
    }

    /** An example of a data class: every visible field, superclass fields first. */
    Map<String, Object> object(Class<?> c, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Field f : ApiModel.visibleFields(c)) {
            Object v = field(f, depth);
            if (v != null) {
                m.put(f.getName(), v);
            }
        }
        return m;
    }

    private static Object parse(String text, Type type, boolean many) {
        if (!many) {
            return convert(text, type);
        }
        List<Object> l = new ArrayList<>();
        for (String s : text.split(",")) {
            l.add(convert(s.strip(), type));
        }
        return l;
    }

    private static Object convert(String s, Type type) {
        Class<?> c = Types.box(Types.raw(type));
        try {
            if (c == Integer.class || c == Short.class || c == Byte.class) {
                return Integer.valueOf(s);
            }
            if (c == Long.class) {
                return Long.valueOf(s);
            }
            if (c == Double.class || c == Float.class) {
                return Double.valueOf(s);
            }
        } catch (NumberFormatException e) {
            return s;
        }
        if (c == Boolean.class) {
            return Boolean.valueOf(s);
        }
        return s;
    }
}
