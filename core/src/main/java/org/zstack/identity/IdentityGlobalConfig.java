package org.zstack.identity;

import org.zstack.core.config.GlobalConfig;

public final class IdentityGlobalConfig {
    private IdentityGlobalConfig() {
    }

    public static final String CATEGORY = "identity";
    /** Seconds a session lives after login. */
    public static final GlobalConfig SESSION_TIMEOUT = new GlobalConfig(CATEGORY, "session.timeout");
    /** Failed logins per account name and client address answered at once. */
    public static final GlobalConfig LOGIN_MAX_FAILURES = new GlobalConfig(CATEGORY, "login.maxFailures");
    /** Milliseconds of the first slowed answer; doubles with each further failure. */
    public static final GlobalConfig LOGIN_DELAY = new GlobalConfig(CATEGORY, "login.delay");
    /** Failed logins that lock the account name for the client address. */
    public static final GlobalConfig LOGIN_LOCK_FAILURES = new GlobalConfig(CATEGORY, "login.lockFailures");
    /** Seconds a lock lasts, and failures are remembered. */
    public static final GlobalConfig LOGIN_LOCK_TIME = new GlobalConfig(CATEGORY, "login.lockTime");
}
