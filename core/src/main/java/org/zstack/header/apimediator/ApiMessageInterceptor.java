package org.zstack.header.apimediator;

import org.zstack.header.message.APIMessage;

/** Checks (and may complete) an API message before it reaches its service; throws to reject it. */
public interface ApiMessageInterceptor {
    APIMessage intercept(APIMessage msg) throws ApiMessageInterceptionException;
}
