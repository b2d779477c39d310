package org.zstack.vmware.source;

import org.zstack.v2v.source.PreparedSource;

/**
 * The keys of a prepared VMware source in {@link PreparedSource#handle}: everything release needs, so a node that
 * takes a job over (or this node after a restart) can close what another prepare opened. Only managed object
 * references and names: never a session cookie (that one is in the disks' headers, which stay with the job).
 */
final class SourceHandle {
    static final String VCENTER_UUID = "vCenterUuid";
    static final String VM = "vm";
    static final String VM_NAME = "vmName";
    /** The HttpNfcLease of an offline (export) read. */
    static final String LEASE = "lease";
    /** The VirtualMachineSnapshot of an online (datastore) read. */
    static final String SNAPSHOT = "snapshot";
    /** The key of the reading session of a cold read over the datastore HTTPS (no lease, no snapshot). */
    static final String DATASTORE_SESSION = "datastoreSession";

    private SourceHandle() {
    }

    static String vCenterUuid(PreparedSource p) {
        return p.handle.get(VCENTER_UUID);
    }

    static String vm(PreparedSource p) {
        return p.handle.get(VM);
    }

    static String vmName(PreparedSource p) {
        String name = p.handle.get(VM_NAME);
        return name == null ? p.handle.get(VM) : name;
    }

    static String lease(PreparedSource p) {
        return p.handle.get(LEASE);
    }

    static String snapshot(PreparedSource p) {
        return p.handle.get(SNAPSHOT);
    }

    static String datastoreSession(PreparedSource p) {
        return p.handle.get(DATASTORE_SESSION);
    }

    /** The key of what stays open with a vCenter object (a lease, a snapshot's session) until release. */
    static String openKey(String vCenterUuid, String morval) {
        return vCenterUuid + "/" + morval;
    }
}
