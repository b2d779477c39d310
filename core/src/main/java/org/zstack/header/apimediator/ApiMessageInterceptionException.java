package org.zstack.header.apimediator;

import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;

public class ApiMessageInterceptionException extends OperationFailureException {
    public ApiMessageInterceptionException(ErrorCode err) {
        super(err);
    }
}
