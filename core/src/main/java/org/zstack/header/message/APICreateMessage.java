package org.zstack.header.message;

import java.util.List;

/** A create API: the client may choose the new resource's uuid. */
public abstract class APICreateMessage extends APIMessage {
    @APIParam(required = false, maxLength = 32, minLength = 32)
    private String resourceUuid;
    @APIParam(required = false)
    private List<String> tagUuids;

    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public List<String> getTagUuids() { return tagUuids; }
    public void setTagUuids(List<String> tagUuids) { this.tagUuids = tagUuids; }
}
