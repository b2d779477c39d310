package org.zstack.v2v;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/v2v-conversion-hosts/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIChangeV2VConversionHostStateEvent.class)
public class APIChangeV2VConversionHostStateMsg extends APIMessage implements V2VConversionHostMessage {
    @APIParam(resourceType = V2VConversionHostVO.class)
    private String uuid;
    @APIParam(validValues = {"enable", "disable"})
    private String stateEvent;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getStateEvent() { return stateEvent; }
    public void setStateEvent(String stateEvent) { this.stateEvent = stateEvent; }

    @Override
    public String getConversionHostUuid() { return uuid; }
}
