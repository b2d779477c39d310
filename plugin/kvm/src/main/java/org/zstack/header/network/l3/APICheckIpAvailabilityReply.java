package org.zstack.header.network.l3;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

/** available, and when it is not, why: outside every range, the gateway, or in use (naming the owner). */
@RestResponse(fieldsTo = {"all"})
public class APICheckIpAvailabilityReply extends APIReply {
    private boolean available;
    private String reason;

    public boolean isAvailable() { return available; }
    public void setAvailable(boolean available) { this.available = available; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
