package org.zstack.core.config;

import java.util.function.BiConsumer;

/**
 * A handle on one global config, declared as a static field by the plugin that uses it:
 * {@code public static GlobalConfig SESSION_TIMEOUT = new GlobalConfig("identity", "session.timeout");}
 * Its definition and default come from conf/globalConfig; its current value from the database.
 */
public class GlobalConfig {
    private static volatile GlobalConfigFacade facade;

    private final String category;
    private final String name;

    public GlobalConfig(String category, String name) {
        this.category = category;
        this.name = name;
    }

    static void setFacade(GlobalConfigFacade f) {
        facade = f;
    }

    public String getCategory() { return category; }
    public String getName() { return name; }

    public String identity() {
        return category + "." + name;
    }

    public String value() {
        if (facade == null) {
            throw new IllegalStateException("global configs are read before the management node started: " + identity());
        }
        return facade.getValue(category, name);
    }

    public <T> T value(Class<T> clz) {
        return GlobalConfigTypes.convert(value(), clz);
    }

    /**
     * Called with (old value, new value) after an update is stored. The listener belongs to the running node's
     * facade, not to this static handle, so it goes away with the node that installed it.
     */
    public void installUpdateExtension(BiConsumer<String, String> listener) {
        facade.addUpdateListener(identity(), listener);
    }

    public void updateValue(Object newValue) {
        facade.updateValue(category, name, String.valueOf(newValue));
    }
}
