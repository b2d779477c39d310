package org.zstack.header.identity;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIValidateSessionReply extends APIReply {
    private boolean valid;

    public boolean isValid() { return valid; }
    public void setValid(boolean valid) { this.valid = valid; }
}
