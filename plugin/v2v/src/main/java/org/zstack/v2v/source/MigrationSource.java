package org.zstack.v2v.source;

import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;

import java.util.List;

/**
 * A platform VMs are migrated from (VMware, KVM/libvirt). The migration pipeline knows sources only
 * through this interface, chosen by the scheme of the job's url ({@code vmware://<vm>}), so adding one never
 * touches the transfer, convert or target steps. Implementations are Spring beans of their plugin.
 */
public interface MigrationSource {
    /** The url scheme this source answers, e.g. "vmware". */
    String getScheme();

    /**
     * The VM named by the url's rest (after {@code scheme://}): from what the management node knows (VMware, synced),
     * or asked of the platform through the conversion host (KVM). Fails with a clear error when there is no such VM
     * or it cannot be migrated (a disk on unsupported storage).
     */
    void find(String ref, SourceAccess access, ReturnValueCompletion<SourceVm> completion);

    /**
     * Refuses, at submission and before anything is written, a VM that cannot be migrated as asked: a disk or a device
     * of a kind this source cannot copy faithfully. skippedDisks are the data disks (indexes) the user leaves out; a
     * refused data disk among them is no reason to refuse. Throws OperationFailureException naming the disk and the
     * reason. The default finds nothing to refuse (a source that refuses in {@link #find} needs nothing more).
     */
    default void checkMigratable(SourceVm vm, List<Integer> skippedDisks) {
    }

    /**
     * Makes the VM's disks readable by the conversion host: powers the VM off first when the spec asks and it is on
     * (gracefully, within the spec's timeout, else a clear error), then opens what the disks are read through
     * (an export lease, or a snapshot and datastore URLs), kept alive until {@link #release}.
     */
    void prepare(SourceVm vm, PrepareSpec spec, SourceAccess access, ReturnValueCompletion<PreparedSource> completion);

    /**
     * Every disk is copied: a source that stopped the VM only for the copy may let it run again now, rather than
     * for the whole conversion (KVM resumes a domain it paused, unless it is to be shut down after a success). The
     * default does nothing. Never fails the caller: problems are logged, and {@link #release} still runs.
     */
    default void disksCopied(PreparedSource prepared, SourceAccess access, Completion completion) {
        completion.success();
    }

    /**
     * Closes what prepare opened (completes or aborts the lease, removes the snapshot). When the migration did not
     * succeed and prepare powered the VM off, powers it on again: the source VM is left as it was found.
     * Never fails the caller: problems are logged. Works from the handle alone (after a node restart too).
     */
    void release(PreparedSource prepared, boolean migrationSucceeded, SourceAccess access, Completion completion);
}
