package org.zstack.identity;

import org.zstack.core.config.GlobalConfig;

public final class IdentityGlobalConfig {
    private IdentityGlobalConfig() {
    }

    public static final String CATEGORY = "identity";
    /** Seconds a session lives after login. */
    public static final GlobalConfig SESSION_TIMEOUT = new GlobalConfig(CATEGORY, "session.timeout");
}
