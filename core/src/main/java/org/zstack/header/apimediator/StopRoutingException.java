package org.zstack.header.apimediator;

/** Thrown by an interceptor that has already answered the message itself. */
public class StopRoutingException extends RuntimeException {
    public StopRoutingException() {
        super(null, null, false, false);
    }
}
