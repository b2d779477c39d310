package org.zstack.vmware;

/** A message about one vCenter; the vCenter service runs them in that vCenter's queue, one at a time. */
public interface VCenterMessage {
    String getVCenterUuid();
}
