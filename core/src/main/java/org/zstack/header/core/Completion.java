package org.zstack.header.core;

import org.zstack.header.errorcode.ErrorCode;

public abstract class Completion {
    public abstract void success();

    public abstract void fail(ErrorCode errorCode);
}
