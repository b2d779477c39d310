package org.zstack.header.apimediator;

import org.zstack.header.message.APIMessage;

import java.util.List;

/** An interceptor for many APIs (all of them when getMessageClassToIntercept() is null), run in position order. */
public interface GlobalApiMessageInterceptor extends ApiMessageInterceptor {
    enum InterceptorPosition { SYSTEM, FRONT, DEFAULT, END }

    default List<Class<? extends APIMessage>> getMessageClassToIntercept() {
        return null;
    }

    default InterceptorPosition getPosition() {
        return InterceptorPosition.FRONT;
    }

    default int getPriority() {
        return 0;
    }
}
