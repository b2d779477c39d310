package org.zstack.vmware;

import org.zstack.header.message.NeedReplyMessage;

/** The periodic sync of one vCenter, sent by the vCenter service to itself. */
public class SyncVCenterMsg extends NeedReplyMessage implements VCenterMessage {
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getVCenterUuid() { return uuid; }
}
