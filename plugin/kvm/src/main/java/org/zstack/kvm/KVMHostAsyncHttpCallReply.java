package org.zstack.kvm;

import com.google.gson.JsonObject;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.message.MessageReply;

/** Carries the agent's JSON answer; a success=false answer is already turned into this reply's error. */
public class KVMHostAsyncHttpCallReply extends MessageReply {
    private JsonObject response;

    public JsonObject getResponse() { return response; }
    public void setResponse(JsonObject response) { this.response = response; }

    public <T> T toResponse(Class<T> clz) {
        return JSONObjectUtil.gson.fromJson(response, clz);
    }
}
