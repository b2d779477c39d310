package org.zstack.header.core.progress;

import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** The latest progress of the job behind apiId, or its whole history with all=true. */
@RestRequest(path = "/task-progresses/{apiId}", method = HttpMethod.GET, responseClass = APIGetTaskProgressReply.class)
public class APIGetTaskProgressMsg extends APISyncCallMessage {
    @APIParam(maxLength = 32)
    private String apiId;
    @APIParam(required = false)
    private Boolean all;

    public String getApiId() { return apiId; }
    public void setApiId(String apiId) { this.apiId = apiId; }
    public Boolean getAll() { return all; }
    public void setAll(Boolean all) { this.all = all; }
}
