package org.zstack.header.core.workflow;

import org.zstack.header.errorcode.ErrorCode;

import java.util.Map;

public interface FlowErrorHandler {
    void handle(ErrorCode errCode, Map data);
}
