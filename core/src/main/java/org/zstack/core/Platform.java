package org.zstack.core;

import org.zstack.core.errorcode.ErrorCodeRegistry;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.SysErrors;

import java.util.UUID;

/** Uuids and ZStack's error helpers: operr (SYS.1006), argerr (SYS.1007), inerr (SYS.1000), touterr (SYS.1001). */
public final class Platform {
    private Platform() {
    }

    public static String getUuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static boolean isUuid(String s) {
        return s != null && s.length() == 32 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static ErrorCode err(Enum<?> code, String fmt, Object... args) {
        return err(code.toString(), null, fmt, args);
    }

    public static ErrorCode err(Enum<?> code, ErrorCode cause, String fmt, Object... args) {
        return err(code.toString(), cause, fmt, args);
    }

    public static ErrorCode err(String code, ErrorCode cause, String fmt, Object... args) {
        String details = args.length == 0 ? fmt : String.format(fmt, args);
        ErrorCode e = new ErrorCode(code, ErrorCodeRegistry.describe(code), details);
        e.setCause(cause);
        return e;
    }

    public static ErrorCode operr(String fmt, Object... args) {
        return err(SysErrors.OPERATION_ERROR, fmt, args);
    }

    public static ErrorCode operr(ErrorCode cause, String fmt, Object... args) {
        return err(SysErrors.OPERATION_ERROR, cause, fmt, args);
    }

    public static ErrorCode argerr(String fmt, Object... args) {
        return err(SysErrors.INVALID_ARGUMENT_ERROR, fmt, args);
    }

    public static ErrorCode inerr(String fmt, Object... args) {
        return err(SysErrors.INTERNAL, fmt, args);
    }

    public static ErrorCode touterr(String fmt, Object... args) {
        return err(SysErrors.TIMEOUT, fmt, args);
    }

    public static ErrorCode canerr(String fmt, Object... args) {
        return err(SysErrors.CANCEL_ERROR, fmt, args);
    }
}
