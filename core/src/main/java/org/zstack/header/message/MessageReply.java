package org.zstack.header.message;

import org.zstack.header.errorcode.ErrorCode;

public class MessageReply extends Message {
    @APINoSee
    private boolean success = true;
    @APINoSee
    private ErrorCode error;

    public boolean isSuccess() { return success; }
    public void setSuccess(boolean success) { this.success = success; }
    public ErrorCode getError() { return error; }
    public void setError(ErrorCode error) {
        this.error = error;
        this.success = error == null;
    }

    @SuppressWarnings("unchecked")
    public <T extends MessageReply> T castReply() { return (T) this; }
}
