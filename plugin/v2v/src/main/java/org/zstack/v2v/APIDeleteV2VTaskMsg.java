package org.zstack.v2v;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Removes a task whose jobs have all ended, with their records and long jobs; refused while one still runs. */
@RestRequest(path = "/v2v-tasks/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteV2VTaskEvent.class)
public class APIDeleteV2VTaskMsg extends APIDeleteMessage {
    @APIParam(resourceType = V2VTaskVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
}
