package org.zstack.sdk;

public class QueryPrimaryStorageResult {
    public java.util.List inventories;
    public Long total;

    public java.util.List getInventories() {
        return inventories;
    }

    public void setInventories(java.util.List inventories) {
        this.inventories = inventories;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }
}
