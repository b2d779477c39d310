package org.zstack.header.core.progress;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

import java.util.List;

@RestResponse(fieldsTo = {"all"})
public class APIGetTaskProgressReply extends APIReply {
    private List<TaskProgressInventory> inventories;

    public List<TaskProgressInventory> getInventories() { return inventories; }
    public void setInventories(List<TaskProgressInventory> inventories) { this.inventories = inventories; }
}
