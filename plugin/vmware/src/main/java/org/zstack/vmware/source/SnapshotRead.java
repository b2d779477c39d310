package org.zstack.vmware.source;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.mo.VirtualMachineSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceVm;

import java.util.List;

import static org.zstack.core.Platform.err;

/**
 * Reading a VM that stays on. A snapshot freezes the disks' content in their base files while the guest goes on
 * writing into new delta files; the conversion host reads the base files over vCenter's datastore HTTPS, and with
 * changed block tracking only their allocated areas. The snapshot has no memory and is not quiesced (quiescing
 * needs working VMware Tools and can stall the guest): the copy is crash-consistent, as after a power cut.
 * <p>
 * Only flat disks without snapshots of their own can be read this way: with older snapshots the content is spread
 * over a chain of delta files, which only an export (offline) puts together.
 */
class SnapshotRead {
    private static final Logger logger = LoggerFactory.getLogger(SnapshotRead.class);

    static final long CREATE_TIMEOUT_SECONDS = 1800;
    /** Removing the snapshot consolidates what the guest wrote meanwhile into the base files: hours for busy disks. */
    static final long REMOVE_TIMEOUT_SECONDS = 6 * 3600;

    private final VimCalls calls;

    SnapshotRead(VimCalls calls) {
        this.calls = calls;
    }

    /** Fails before anything is changed when a disk cannot be read through a snapshot. */
    static void checkReadable(LiveVm live, String vmName) {
        String why = DatastoreDiskReads.whyNotFlat(live);
        if (why != null) {
            throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                    "%s of VM %s; it cannot be read while the VM runs: migrate the VM offline%s", why, vmName,
                    why.endsWith("has snapshots") ? ", or delete its snapshots first" : ""));
        }
    }

    /** Takes the snapshot and returns its managed object reference. */
    String create(String vCenterUuid, String vmMorval, String vmName, String jobUuid) {
        String what = String.format("taking a snapshot of VM %s", vmName);
        String task = calls.call(vCenterUuid, VmwareSourceErrors.SNAPSHOT_FAILED, what, c ->
                new VirtualMachine(VimCalls.connection(c), VimCalls.mor("VirtualMachine", vmMorval)).createSnapshot_Task(
                        "zstack-v2v-" + (jobUuid == null ? "migration" : jobUuid),
                        "Taken by ZStack to migrate this VM; removed when the migration ends", false, false).getMOR().getVal());
        Object result = calls.awaitTask(vCenterUuid, VmwareSourceErrors.SNAPSHOT_FAILED, what, task, CREATE_TIMEOUT_SECONDS);
        if (!(result instanceof ManagedObjectReference snapshot)) {
            throw new OperationFailureException(err(VmwareSourceErrors.SNAPSHOT_FAILED,
                    "%s: the task %s ended without naming the snapshot", what, task));
        }
        return snapshot.getVal();
    }

    /** Removes the snapshot, merging what the guest wrote meanwhile back into the disks. */
    void remove(String vCenterUuid, String snapshotMorval, String vmName) {
        String what = String.format("removing the snapshot %s of VM %s", snapshotMorval, vmName);
        String task = calls.call(vCenterUuid, VmwareSourceErrors.SNAPSHOT_FAILED, what, c -> {
            Task t = new VirtualMachineSnapshot(VimCalls.connection(c), VimCalls.mor("VirtualMachineSnapshot", snapshotMorval))
                    .removeSnapshot_Task(false, true);
            return t.getMOR().getVal();
        });
        calls.awaitTask(vCenterUuid, VmwareSourceErrors.SNAPSHOT_FAILED, what, task, REMOVE_TIMEOUT_SECONDS);
    }

    /**
     * The allocated areas of each disk at the snapshot, when the VM tracks changed blocks; a disk whose areas vSphere
     * cannot tell (tracking turned on after the last power-on, say) is read whole.
     */
    void addAllocatedAreas(String vCenterUuid, String vmMorval, String vmName, String snapshotMorval, List<PreparedSource.DiskRead> reads,
                           SourceVm vm) {
        for (PreparedSource.DiskRead r : reads) {
            SourceVm.Disk d = vm.disks.stream().filter(x -> x.index == r.index).findFirst().orElseThrow();
            int key = Integer.parseInt(d.deviceKey);
            try {
                r.extents = calls.call(vCenterUuid, VmwareSourceErrors.DISKS_NOT_READABLE,
                        String.format("asking which areas of disk %s of VM %s hold data", d.name, vmName),
                        c -> AllocatedAreas.of(c.getServiceInstance(), vmMorval, snapshotMorval, key, r.capacity));
            } catch (OperationFailureException e) {
                logger.warn("reading all of disk {} of VM {}: {}", d.name, vmName, e.getErrorCode().getDetails());
                r.extents = null;
            }
        }
    }
}
