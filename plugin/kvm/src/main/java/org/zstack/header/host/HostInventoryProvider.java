package org.zstack.header.host;

/**
 * Implemented by a HostVO subclass of another plugin (ESXHostVO) whose hosts come back as its own inventory
 * subclass, the class ZStack's SDK expects in a query's schema.
 */
public interface HostInventoryProvider {
    HostInventory toInventory();
}
