package org.zstack.header.cluster;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIChangeClusterStateEvent extends APIEvent {
    private ClusterInventory inventory;

    public APIChangeClusterStateEvent() {
    }

    public APIChangeClusterStateEvent(String apiId) {
        super(apiId);
    }

    public ClusterInventory getInventory() { return inventory; }
    public void setInventory(ClusterInventory inventory) { this.inventory = inventory; }
}
