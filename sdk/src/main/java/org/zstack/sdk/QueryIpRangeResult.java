package org.zstack.sdk;

/** inventories holds SDK inventories when the reply's schema names them (see SourceClassMap); total only with replyWithCount or count. */
public class QueryIpRangeResult {
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
