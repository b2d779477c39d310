package org.zstack.header.identity;

import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.rest.SuppressCredentialCheck;

@SuppressCredentialCheck
@RestRequest(path = "/accounts/sessions/{sessionUuid}", method = HttpMethod.DELETE, responseClass = APILogOutReply.class)
public class APILogOutMsg extends APISyncCallMessage {
    @APIParam(maxLength = 32)
    private String sessionUuid;

    public String getSessionUuid() { return sessionUuid; }
    public void setSessionUuid(String sessionUuid) { this.sessionUuid = sessionUuid; }
}
