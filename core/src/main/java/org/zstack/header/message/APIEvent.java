package org.zstack.header.message;

import org.zstack.header.errorcode.ErrorCode;

/** The result of an asynchronous API, published with the API message's id as apiId. */
public class APIEvent extends Event {
    @APINoSee
    private String apiId;
    @APINoSee
    private boolean success = true;
    @APINoSee
    private ErrorCode error;

    public APIEvent() {
    }

    public APIEvent(String apiId) {
        this.apiId = apiId;
    }

    public String getApiId() { return apiId; }
    public void setApiId(String apiId) { this.apiId = apiId; }
    public boolean isSuccess() { return success; }
    public void setSuccess(boolean success) { this.success = success; }
    public ErrorCode getError() { return error; }
    public void setError(ErrorCode error) {
        this.error = error;
        this.success = error == null;
    }
}
