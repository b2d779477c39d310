package org.zstack.rest;

import org.zstack.header.errorcode.ErrorCode;

/** A request the REST server refuses before any message exists: answered with this status and error body. */
public class RestException extends RuntimeException {
    final int status;
    final ErrorCode error;
    final String plainText;

    RestException(int status, ErrorCode error) {
        super(error.getDetails(), null, false, false);
        this.status = status;
        this.error = error;
        this.plainText = null;
    }

    /** ZStack answers some header problems (a missing Authorization) in plain text. */
    RestException(int status, String plainText) {
        super(plainText, null, false, false);
        this.status = status;
        this.error = null;
        this.plainText = plainText;
    }
}
