package org.zstack.header.identity;

import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.rest.SuppressCredentialCheck;

/** ZStack's UI and CLI send the SHA-512 hex of the password; the SDK sends what it is given. Both are accepted. */
@SuppressCredentialCheck
@RestRequest(path = "/accounts/login", method = HttpMethod.PUT, parameterName = "logInByAccount", responseClass = APILogInReply.class)
public class APILogInByAccountMsg extends APISyncCallMessage {
    @APIParam(maxLength = 255)
    private String accountName;
    @APIParam(maxLength = 2048, noTrim = true)
    @NoLogging
    private String password;

    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
