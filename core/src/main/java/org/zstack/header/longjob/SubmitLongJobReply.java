package org.zstack.header.longjob;

import org.zstack.header.message.MessageReply;

public class SubmitLongJobReply extends MessageReply {
    private LongJobInventory inventory;

    public LongJobInventory getInventory() { return inventory; }
    public void setInventory(LongJobInventory inventory) { this.inventory = inventory; }
}
