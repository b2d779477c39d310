package org.zstack.v2v.source;

/** What the migration asks of the source before reading disks. */
public class PrepareSpec {
    public String jobUuid;
    /** Shut the VM down (gracefully) when it is on: offline migration, or pauseVm. */
    public boolean powerOff;
    public long shutdownTimeoutSeconds = 600;
}
