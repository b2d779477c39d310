package org.zstack.header.query;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

import java.util.List;

@RestResponse(fieldsTo = {"all"})
public class APIQueryReply extends APIReply {
    private List<?> inventories;
    private Long total;

    public List<?> getInventories() { return inventories; }
    public void setInventories(List<?> inventories) { this.inventories = inventories; }
    public Long getTotal() { return total; }
    public void setTotal(Long total) { this.total = total; }
}
