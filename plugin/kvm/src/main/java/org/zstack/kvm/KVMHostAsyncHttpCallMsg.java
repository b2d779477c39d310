package org.zstack.kvm;

import org.zstack.header.host.HostMessage;
import org.zstack.header.message.NeedReplyMessage;

/**
 * The one way a plugin calls a host's agent: send this to the host service and read the agent's answer from the
 * reply. The host must be Connected unless noStatusCheck is set (connect and ping themselves).
 */
public class KVMHostAsyncHttpCallMsg extends NeedReplyMessage implements HostMessage {
    private String hostUuid;
    private String path;
    private Object command;
    private boolean noStatusCheck;
    /** Milliseconds the agent has to call back; 0 = KVMGlobalConfig agent.command.timeout. */
    private long commandTimeout;

    @Override
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Object getCommand() { return command; }
    public void setCommand(Object command) { this.command = command; }
    public boolean isNoStatusCheck() { return noStatusCheck; }
    public void setNoStatusCheck(boolean noStatusCheck) { this.noStatusCheck = noStatusCheck; }
    public long getCommandTimeout() { return commandTimeout; }
    public void setCommandTimeout(long commandTimeout) { this.commandTimeout = commandTimeout; }
}
