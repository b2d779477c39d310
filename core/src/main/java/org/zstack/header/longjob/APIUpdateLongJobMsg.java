package org.zstack.header.longjob;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Renames or re-describes a long job, in any state; what it runs is not touched. */
@RestRequest(path = "/longjobs/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIUpdateLongJobEvent.class)
public class APIUpdateLongJobMsg extends APIMessage implements LongJobMessage {
    @APIParam(resourceType = LongJobVO.class)
    private String uuid;
    @APIParam(required = false, maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }

    @Override
    public String getLongJobUuid() { return uuid; }
}
