package org.zstack.header.storage.primary;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** A primary storage still attached to clusters must be detached first, as in ZStack. */
@RestRequest(path = "/primary-storage/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeletePrimaryStorageEvent.class)
public class APIDeletePrimaryStorageMsg extends APIDeleteMessage implements PrimaryStorageMessage {
    @APIParam(resourceType = PrimaryStorageVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getPrimaryStorageUuid() { return uuid; }
}
