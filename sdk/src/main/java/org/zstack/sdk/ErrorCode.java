package org.zstack.sdk;

import java.util.Map;

/** The error of a failed call, as the server sends it in {@code {"error": {...}}}, or one made by the SDK. */
public class ErrorCode {
    public String code;
    public String description;
    public String details;
    public String elaboration;
    public String location;
    public String cost;
    public ErrorCode cause;
    public Map<String, Object> opaque;

    public ErrorCode() {
    }

    public ErrorCode(String code, String description, String details) {
        this.code = code;
        this.description = description;
        this.details = details;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = details; }
    public String getElaboration() { return elaboration; }
    public void setElaboration(String elaboration) { this.elaboration = elaboration; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getCost() { return cost; }
    public void setCost(String cost) { this.cost = cost; }
    public ErrorCode getCause() { return cause; }
    public void setCause(ErrorCode cause) { this.cause = cause; }
    public Map<String, Object> getOpaque() { return opaque; }
    public void setOpaque(Map<String, Object> opaque) { this.opaque = opaque; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ErrorCode{code=").append(code)
                .append(", description=").append(description)
                .append(", details=").append(details);
        if (elaboration != null) {
            sb.append(", elaboration=").append(elaboration);
        }
        if (cause != null) {
            sb.append(", cause=").append(cause);
        }
        return sb.append('}').toString();
    }
}
