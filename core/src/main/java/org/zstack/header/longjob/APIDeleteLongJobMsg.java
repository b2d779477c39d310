package org.zstack.header.longjob;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/longjobs/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteLongJobEvent.class)
public class APIDeleteLongJobMsg extends APIDeleteMessage implements LongJobMessage {
    @APIParam(resourceType = LongJobVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getLongJobUuid() { return uuid; }
}
