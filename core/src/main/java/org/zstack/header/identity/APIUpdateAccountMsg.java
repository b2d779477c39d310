package org.zstack.header.identity;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * Changes an account's password, name or description, as ZStack's UpdateAccount (body key updateAccount). Like the
 * login, the password may be given as itself or as its SHA-512 hex (ZStack's UI and CLI send the latter). When
 * oldPassword is given it must be the current password (ID.1031). A new password ends every other session of the
 * account; the caller's session goes on. The admin account keeps its name.
 */
@RestRequest(path = "/accounts/{uuid}", method = HttpMethod.PUT, isAction = true, responseClass = APIUpdateAccountEvent.class)
public class APIUpdateAccountMsg extends APIMessage {
    @APIParam(resourceType = AccountVO.class)
    private String uuid;
    @APIParam(required = false, maxLength = 255, emptyString = false, noTrim = true)
    @NoLogging
    private String password;
    @APIParam(required = false, maxLength = 255, emptyString = false)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false, maxLength = 255, noTrim = true)
    @NoLogging
    private String oldPassword;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOldPassword() { return oldPassword; }
    public void setOldPassword(String oldPassword) { this.oldPassword = oldPassword; }
}
