package org.zstack.v2v;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** The odd path is ZStack's published one. Removes the conversion outputs no running job uses. */
@RestRequest(path = "/v2v/conversion/host/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APICleanV2VConversionCacheEvent.class)
public class APICleanV2VConversionCacheMsg extends APIMessage implements V2VConversionHostMessage {
    @APIParam(resourceType = V2VConversionHostVO.class)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getConversionHostUuid() { return uuid; }
}
