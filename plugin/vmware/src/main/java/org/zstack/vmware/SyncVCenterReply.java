package org.zstack.vmware;

import org.zstack.header.message.MessageReply;

public class SyncVCenterReply extends MessageReply {
}
