package org.zstack.header.identity;

public interface AccountConstant {
    String SERVICE_ID = "identity";
    String INITIAL_SYSTEM_ADMIN_UUID = "36c27e8ff05c4780bf6d2fa65700f22e";
    String INITIAL_SYSTEM_ADMIN_NAME = "admin";
    String INITIAL_SYSTEM_ADMIN_PASSWORD = "password";
    String SYSTEM_ADMIN_TYPE = "SystemAdmin";
}
