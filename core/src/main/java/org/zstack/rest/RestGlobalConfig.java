package org.zstack.rest;

import org.zstack.core.config.GlobalConfig;

public final class RestGlobalConfig {
    private RestGlobalConfig() {
    }

    public static final String CATEGORY = "rest";
    /** Seconds an async API's result stays pollable. */
    public static final GlobalConfig COMPLETED_API_EXPIRED_PERIOD = new GlobalConfig(CATEGORY, "completedApi.expiredPeriod");
    /** Seconds an API may take when neither X-API-Timeout nor @DefaultTimeout says otherwise. */
    public static final GlobalConfig API_TIMEOUT = new GlobalConfig(CATEGORY, "api.timeout");
}
