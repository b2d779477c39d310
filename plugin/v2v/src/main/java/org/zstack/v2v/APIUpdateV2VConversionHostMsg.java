package org.zstack.v2v;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Bandwidth and network system tags given here replace the conversion host's current ones. */
@RestRequest(path = "/v2v-conversion-hosts/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIUpdateV2VConversionHostEvent.class)
public class APIUpdateV2VConversionHostMsg extends APIMessage implements V2VConversionHostMessage {
    @APIParam(resourceType = V2VConversionHostVO.class)
    private String uuid;
    @APIParam(required = false, maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false, maxLength = 2048)
    private String storagePath;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStoragePath() { return storagePath; }
    public void setStoragePath(String storagePath) { this.storagePath = storagePath; }

    @Override
    public String getConversionHostUuid() { return uuid; }
}
