package org.zstack.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * zstack.properties: the classpath file (conf/zstack.properties) gives defaults, an optional external file
 * (-Dzstack.properties=path) overrides them, and -D system properties override both.
 */
public class ZStackProperties {
    private final Properties props = new Properties();

    public ZStackProperties() {
        try (InputStream in = ZStackProperties.class.getClassLoader().getResourceAsStream("zstack.properties")) {
            if (in != null) {
                props.load(in);
            }
            String external = System.getProperty("zstack.properties");
            if (external != null) {
                try (Reader r = Files.newBufferedReader(Path.of(external))) {
                    props.load(r);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read zstack.properties", e);
        }
        System.getProperties().forEach((k, v) -> props.put(k, v));
    }

    /** For tests that boot several nodes with their own settings in one JVM. */
    public ZStackProperties(Properties overrides) {
        this();
        props.putAll(overrides);
    }

    public String get(String name) {
        String v = props.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String get(String name, String defaultValue) {
        String v = get(name);
        return v == null ? defaultValue : v;
    }

    public int getInt(String name, int defaultValue) {
        String v = get(name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        String v = get(name);
        return v == null ? defaultValue : Boolean.parseBoolean(v);
    }

    public Path dataDir() {
        return Path.of(get("management.server.dataDir", System.getProperty("user.home") + "/.zstack-v2v"));
    }
}
