package org.zstack.header.storage.primary;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.zone.ZoneVO;

/** url: server:/export. Each host of an attached cluster mounts it. */
@RestRequest(path = "/primary-storage/nfs", method = HttpMethod.POST, parameterName = "params", responseClass = APIAddPrimaryStorageEvent.class)
public class APIAddNfsPrimaryStorageMsg extends APICreateMessage implements AddPrimaryStorageMessage {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(maxLength = 2048, validRegexValues = "^[^:\\s]+:/\\S*$")
    private String url;
    @APIParam(resourceType = ZoneVO.class)
    private String zoneUuid;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }

    @Override
    public String getType() { return PrimaryStorageConstant.NFS_TYPE; }
}
