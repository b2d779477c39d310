package org.zstack.header.message;

import org.zstack.header.identity.SessionInventory;

/** A message that comes from a client through the REST server. */
public abstract class APIMessage extends NeedReplyMessage {
    @APINoSee
    private SessionInventory session;
    @APINoSee
    private String requestIp;

    public SessionInventory getSession() { return session; }
    public void setSession(SessionInventory session) { this.session = session; }
    public String getRequestIp() { return requestIp; }
    public void setRequestIp(String requestIp) { this.requestIp = requestIp; }
}
