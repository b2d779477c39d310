package org.zstack.apigen.sample;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/things/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APICreateThingEvent.class)
public class APIChangeThingStateMsg extends APIMessage {
    @APIParam
    private String uuid;
    @APIParam(validValues = {"enable", "disable"})
    private String stateEvent;
}
