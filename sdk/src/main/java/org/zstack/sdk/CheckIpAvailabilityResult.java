package org.zstack.sdk;

/** reason says why an unavailable address is: outside every range, the gateway, or used (by whom). */
public class CheckIpAvailabilityResult {
    public Boolean available;
    public String reason;

    public Boolean getAvailable() {
        return available;
    }

    public void setAvailable(Boolean available) {
        this.available = available;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
