package org.zstack.header.longjob;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/longjobs/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIResumeLongJobEvent.class)
public class APIResumeLongJobMsg extends APIMessage implements LongJobMessage {
    @APIParam(resourceType = LongJobVO.class)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getLongJobUuid() { return uuid; }
}
