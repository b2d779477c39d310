package org.zstack.header.identity;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/accesskeys/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteAccessKeyEvent.class)
public class APIDeleteAccessKeyMsg extends APIDeleteMessage {
    @APIParam(resourceType = AccessKeyVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
}
