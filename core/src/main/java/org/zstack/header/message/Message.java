package org.zstack.header.message;

import java.util.HashMap;
import java.util.Map;

/** The root of everything the CloudBus carries. The id is a 32-hex uuid; for an API it is the client's X-Job-UUID. */
public abstract class Message {
    @APINoSee
    private String id;
    @APINoSee
    private String serviceId;
    @APINoSee
    private long createdTime = System.currentTimeMillis();
    @APINoSee
    private Map<String, Object> headers = new HashMap<>();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getServiceId() { return serviceId; }
    public void setServiceId(String serviceId) { this.serviceId = serviceId; }
    public long getCreatedTime() { return createdTime; }
    public void setCreatedTime(long createdTime) { this.createdTime = createdTime; }
    public Map<String, Object> getHeaders() { return headers; }
    public void putHeader(String key, Object value) { headers.put(key, value); }
    @SuppressWarnings("unchecked")
    public <T> T getHeader(String key) { return (T) headers.get(key); }
    public String getMessageName() { return getClass().getName(); }
}
