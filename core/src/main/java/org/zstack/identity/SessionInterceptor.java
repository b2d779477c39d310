package org.zstack.identity;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.apimediator.ApiMessageInterceptionException;
import org.zstack.header.apimediator.GlobalApiMessageInterceptor;
import org.zstack.header.identity.IdentityErrors;
import org.zstack.header.identity.SessionInventory;
import org.zstack.header.identity.SessionVO;
import org.zstack.header.message.APIMessage;
import org.zstack.header.rest.SuppressCredentialCheck;

import static org.zstack.core.Platform.err;

/**
 * Every API but login needs a live session (ID.1001 otherwise). A message the REST server authenticated by
 * access key carries the header below instead, which clients cannot set.
 */
public class SessionInterceptor implements GlobalApiMessageInterceptor {
    public static final String HEADER_ACCESS_KEY_AUTHENTICATED = "accessKeyAuthenticated";

    @Autowired
    private DatabaseFacade dbf;

    @Override
    public InterceptorPosition getPosition() {
        return InterceptorPosition.SYSTEM;
    }

    @Override
    public APIMessage intercept(APIMessage msg) {
        if (msg.getClass().isAnnotationPresent(SuppressCredentialCheck.class)
                || Boolean.TRUE.equals(msg.getHeader(HEADER_ACCESS_KEY_AUTHENTICATED))) {
            return msg;
        }
        SessionInventory given = msg.getSession();
        if (given == null || given.getUuid() == null) {
            throw invalid("the API %s needs a session", msg.getClass().getSimpleName());
        }
        SessionVO vo = dbf.findByUuid(given.getUuid(), SessionVO.class);
        if (vo == null) {
            throw invalid("session[uuid:%s] not found; log in again", given.getUuid());
        }
        if (vo.getExpiredDate().getTime() < System.currentTimeMillis()) {
            throw invalid("session[uuid:%s] expired; log in again", given.getUuid());
        }
        msg.setSession(SessionInventory.valueOf(vo));
        return msg;
    }

    private static ApiMessageInterceptionException invalid(String fmt, Object... args) {
        return new ApiMessageInterceptionException(err(IdentityErrors.INVALID_SESSION, fmt, args));
    }
}
