package org.zstack.core.config;

import java.util.List;

/** One <config> of conf/globalConfig/*.xml: its type and the bounds an update must respect. */
public record GlobalConfigDefinition(String category, String name, String description, String defaultValue,
                                     Class<?> type, Long min, Long max, List<String> validValues) {
    public String identity() {
        return category + "." + name;
    }
}
