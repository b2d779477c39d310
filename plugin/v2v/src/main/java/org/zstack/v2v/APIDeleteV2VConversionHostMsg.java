package org.zstack.v2v;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/v2v-conversion-hosts/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteV2VConversionHostEvent.class)
public class APIDeleteV2VConversionHostMsg extends APIDeleteMessage implements V2VConversionHostMessage {
    @APIParam(resourceType = V2VConversionHostVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getConversionHostUuid() { return uuid; }
}
