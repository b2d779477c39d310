package org.zstack.header.core.workflow;

import java.util.Map;

public interface FlowDoneHandler {
    void handle(Map data);
}
