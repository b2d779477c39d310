package org.zstack.header.message;

import java.util.List;

/** A message whose sender waits for a MessageReply; timeout in milliseconds (0 = the bus default). */
public abstract class NeedReplyMessage extends Message {
    @APINoSee
    private long timeout;
    private List<String> systemTags;
    private List<String> userTags;

    public long getTimeout() { return timeout; }
    public void setTimeout(long timeout) { this.timeout = timeout; }
    public List<String> getSystemTags() { return systemTags; }
    public void setSystemTags(List<String> systemTags) { this.systemTags = systemTags; }
    public List<String> getUserTags() { return userTags; }
    public void setUserTags(List<String> userTags) { this.userTags = userTags; }
}
