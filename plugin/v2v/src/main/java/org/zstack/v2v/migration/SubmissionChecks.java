package org.zstack.v2v.migration;

import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.zstack.core.Platform.err;
import static org.zstack.v2v.migration.V2VJobPlanner.invalid;

/**
 * The checks of a submission that need only the request and its source VMs: the target VM's settings (defaults
 * filled first), each VM given once and not already migrating, a cold-only VM not left running. One instance per
 * submission: it remembers the VMs seen.
 */
class SubmissionChecks {
    private final Set<String> sourceVms = new HashSet<>();

    /** Fills platform and strategy when the request left them out, and checks name (already defaulted), cpu, memory. */
    static void settings(V2VJobSpec spec, String who) {
        SourceVm vm = spec.sourceVm;
        if (spec.name.length() > 255) {
            throw invalid("%s: name is longer than 255 characters", who);
        }
        if (spec.platform == null) {
            spec.platform = vm.platform != null ? vm.platform : "Linux";
        }
        if (spec.strategy == null) {
            spec.strategy = "InstantStart";
        }
        if (spec.cpuNum < 1 || spec.cpuNum > 1024) {
            throw invalid("%s: cpuNum must be 1 to 1024, not %d", who, spec.cpuNum);
        }
        if (spec.memorySize < 16L << 20) {
            throw invalid("%s: memorySize must be at least 16 MiB, not %d bytes", who, spec.memorySize);
        }
    }

    /** The VM once per submission, and stopped when its source copies it only stopped (unless pauseVm). */
    void sourceVm(V2VJobSpec spec, String who) {
        SourceVm vm = spec.sourceVm;
        if (!sourceVms.add(vm.uuid)) {
            throw invalid("%s is given twice", who);
        }
        if (vm.coldOnly && "Running".equals(vm.powerState) && !spec.pauseVm) {
            throw invalid("%s is running: it is migrated cold; shut it off first, or set pauseVm to pause it"
                    + " for the copy", who);
        }
    }

    /** @param unfinishedJobs the jobs of the source VM that have not ended */
    static void notBeingMigrated(SourceVm vm, List<String> unfinishedJobs, String who) {
        if (!unfinishedJobs.isEmpty()) {
            throw new OperationFailureException(err(V2VErrors.SOURCE_VM_BEING_MIGRATED,
                    "%s (uuid:%s) is already being migrated", who, vm.uuid));
        }
    }

    /** A data disk named by the request (its index as text): one the VM has; the root disk 0 is always migrated. */
    static int diskIndex(SourceVm vm, String s, String field) {
        try {
            int i = Integer.parseInt(s.trim());
            if (i >= 1 && vm.disks.stream().anyMatch(d -> d.index == i)) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid("VM %s: %s names disk %s, but the VM's data disks are 1 to %d (the root disk 0 is always migrated)",
                vm.name, field, s, vm.disks.size() - 1);
    }
}
