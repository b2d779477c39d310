package org.zstack.header.identity;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/accesskeys", method = HttpMethod.POST, parameterName = "params", responseClass = APICreateAccessKeyEvent.class)
public class APICreateAccessKeyMsg extends APICreateMessage {
    @APIParam(resourceType = AccountVO.class)
    private String accountUuid;
    @APIParam(maxLength = 32)
    private String userUuid;
    @APIParam(required = false, maxLength = 2048)
    private String description;

    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
