package org.zstack.vmware.source;

import com.vmware.vim25.HttpNfcLeaseInfo;
import com.vmware.vim25.HttpNfcLeaseState;
import com.vmware.vim25.mo.HttpNfcLease;
import com.vmware.vim25.mo.VirtualMachine;
import org.zstack.header.errorcode.OperationFailureException;

import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * The NFC export of a powered-off VM (ExportVm): an HttpNfcLease whose device URLs serve the VM's disks for as long
 * as the lease lives. A lease starts "initializing" (vSphere opens the disks) and becomes "ready", or "error"
 * with its reason.
 */
class NfcExport {
    /** Opening the disks of a big VM on a busy host takes minutes; longer means the host is not coming back. */
    static final long READY_TIMEOUT_SECONDS = 600;

    private final VimCalls calls;

    NfcExport(VimCalls calls) {
        this.calls = calls;
    }

    /** Starts the export; the lease's managed object reference. */
    String open(String vCenterUuid, String vmMorval, String vmName) {
        return calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, String.format("exporting VM %s", vmName),
                c -> new VirtualMachine(VimCalls.connection(c), VimCalls.mor("VirtualMachine", vmMorval)).exportVm().getMOR().getVal());
    }

    /** Waits until the lease is ready and returns its info (device URLs, timeout). */
    HttpNfcLeaseInfo awaitReady(String vCenterUuid, String leaseMorval, String vmName) {
        String what = String.format("waiting for the export lease %s of VM %s", leaseMorval, vmName);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        long pause = 100;
        while (true) {
            HttpNfcLeaseState state = calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, what, c -> lease(c, leaseMorval).getState());
            if (state == HttpNfcLeaseState.ready) {
                HttpNfcLeaseInfo info = calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, what, c -> lease(c, leaseMorval).getInfo());
                if (info == null || info.getDeviceUrl() == null) {
                    throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                            "the export lease %s of VM %s is ready but lists no disk", leaseMorval, vmName));
                }
                return info;
            }
            if (state == HttpNfcLeaseState.error || state == HttpNfcLeaseState.done) {
                String reason = calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, what, c -> VimCalls.message(lease(c, leaseMorval).getError()));
                throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                        "the export of VM %s failed (lease %s is %s): %s", vmName, leaseMorval, state, reason));
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                        "the export lease %s of VM %s was not ready within %d s", leaseMorval, vmName, READY_TIMEOUT_SECONDS));
            }
            pause = VimCalls.sleep(pause);
        }
    }

    /** Tells vSphere the lease is still in use; without it the lease times out. */
    void keepAlive(String vCenterUuid, String leaseMorval, String vmName) {
        calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, String.format("keeping the export lease %s of VM %s alive", leaseMorval, vmName),
                c -> {
                    // the percent only shows in vSphere's task list; the conversion host knows the real progress
                    lease(c, leaseMorval).httpNfcLeaseProgress(0);
                    return null;
                });
    }

    /** Ends the lease: complete when the disks were read, abort otherwise (vSphere then logs it as failed). */
    void close(String vCenterUuid, String leaseMorval, String vmName, boolean succeeded) {
        calls.call(vCenterUuid, VmwareSourceErrors.EXPORT_FAILED, String.format("%s the export lease %s of VM %s",
                succeeded ? "completing" : "aborting", leaseMorval, vmName), c -> {
            HttpNfcLease l = lease(c, leaseMorval);
            if (succeeded) {
                l.httpNfcLeaseComplete();
            } else {
                l.httpNfcLeaseAbort(null);
            }
            return null;
        });
    }

    private static HttpNfcLease lease(org.zstack.vmware.VCenterConnection c, String morval) {
        return new HttpNfcLease(VimCalls.connection(c), VimCalls.mor("HttpNfcLease", morval));
    }
}
