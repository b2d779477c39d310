package org.zstack.v2v.source;

/** What the migration asks of the source before reading disks. */
public class PrepareSpec {
    public String jobUuid;
    /**
     * pauseVm: stop the VM's writes for the copy when it runs. VMware shuts it down gracefully; KVM pauses the
     * domain. Without it a running VM is read through a snapshot (VMware) or refused (KVM: cold migration only).
     */
    public boolean powerOff;
    public long shutdownTimeoutSeconds = 600;
    /**
     * For a source that pauses rather than shuts down (KVM with pauseVm): shut the VM down once the migration
     * succeeded instead of resuming it. A failed migration always resumes it.
     */
    public boolean shutdownAfterSuccess;
}
