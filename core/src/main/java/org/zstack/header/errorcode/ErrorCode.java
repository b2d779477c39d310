package org.zstack.header.errorcode;

import java.util.LinkedHashMap;
import java.util.Map;

/** ZStack's error body: code, description (from conf/errorCodes), details, and the error that caused it. */
public class ErrorCode {
    private String code;
    private String description;
    private String details;
    private String elaboration;
    private String location;
    private Long cost;
    private ErrorCode cause;
    private Map<String, Object> opaque;

    public ErrorCode() {
    }

    public ErrorCode(String code, String description, String details) {
        this.code = code;
        this.description = description;
        this.details = details;
    }

    public boolean isError(Enum<?> err) {
        return err.toString().equals(code);
    }

    public boolean isError(String c) {
        return c.equals(code);
    }

    /** The first error in the cause chain with this code, or null. */
    public ErrorCode findCause(String c) {
        for (ErrorCode e = this; e != null; e = e.getCause()) {
            if (c.equals(e.getCode())) {
                return e;
            }
        }
        return null;
    }

    public void putOpaque(String key, Object value) {
        if (opaque == null) {
            opaque = new LinkedHashMap<>();
        }
        opaque.put(key, value);
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
    public Long getCost() { return cost; }
    public void setCost(Long cost) { this.cost = cost; }
    public ErrorCode getCause() { return cause; }
    public void setCause(ErrorCode cause) { this.cause = cause; }
    public Map<String, Object> getOpaque() { return opaque; }
    public void setOpaque(Map<String, Object> opaque) { this.opaque = opaque; }

    @Override
    public String toString() {
        return String.format("ErrorCode[code=%s, description=%s, details=%s%s]", code, description, details,
                cause == null ? "" : ", cause=" + cause);
    }
}
