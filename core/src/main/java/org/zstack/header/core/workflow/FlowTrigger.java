package org.zstack.header.core.workflow;

import org.zstack.header.errorcode.ErrorCode;

public interface FlowTrigger {
    void next();

    void fail(ErrorCode error);
}
