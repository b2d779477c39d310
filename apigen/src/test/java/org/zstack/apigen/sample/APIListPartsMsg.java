package org.zstack.apigen.sample;

import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.rest.SuppressCredentialCheck;

@SuppressCredentialCheck
@RestRequest(path = "/things/{thingUuid}/parts", method = HttpMethod.GET, responseClass = APIListPartsReply.class)
public class APIListPartsMsg extends APISyncCallMessage {
    @APIParam
    private String thingUuid;
    @APIParam(required = false)
    private Boolean all;
}
