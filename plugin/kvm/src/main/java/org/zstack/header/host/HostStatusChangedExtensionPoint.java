package org.zstack.header.host;

public interface HostStatusChangedExtensionPoint {
    void hostStatusChanged(HostInventory host, HostStatus previous, HostStatus now);
}
