package org.zstack.agent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from a resource Maven fills in, so it is right in tests as well as in the jar. */
public final class AgentVersion {
    private static final String VERSION = load();

    private AgentVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("/org/zstack/agent/agent-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.trim();
                }
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return "unknown";
    }
}
