package org.zstack.v2v.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the conversion host reads each disk, and what must be closed afterwards. Stored with the job (JSON) so a
 * node that takes the job over can still release it; {@link #handle} holds the source's own keys (lease,
 * snapshot). Disk headers may hold a session cookie: never logged, never returned by an API.
 */
public class PreparedSource {
    /** An NFC export lease: each disk as ESXi streams it (streamOptimized VMDK), the VM off. */
    public static final String READ_NFC_EXPORT = "NfcExport";
    /** The flat files over the datastore HTTPS with Range, the VM off. */
    public static final String READ_DATASTORE = "DatastoreHttps";
    /** A snapshot's base files over the datastore HTTPS, the VM running. */
    public static final String READ_SNAPSHOT_DATASTORE = "SnapshotDatastoreHttps";
    /** A KVM source's disks over NBD through an SSH tunnel. */
    public static final String READ_SSH_NBD = "SshNbd";

    public String scheme;
    public String vmUuid;
    /** The VM was on and prepare shut it down. */
    public boolean poweredOffByUs;
    public Map<String, String> handle = new HashMap<>();
    /** How the conversion host reads the disks, one of the READ_* names; shown with the job. */
    public String readPath;
    /** Why that path: the VM's state, the setting that chose it, or what made it fall back. */
    public String readPathReason;
    public List<DiskRead> disks = new ArrayList<>();

    public static class DiskRead {
        public int index;
        public String url;
        public Map<String, String> headers = new HashMap<>();
        /** SHA-1 thumbprint of the server certificate to trust (self-signed ESXi/vCenter), or null. */
        public String sslThumbprint;
        public long capacity;
        /** Ranges [offset, length] holding data, when the source can tell (CBT); null means read everything. */
        public List<long[]> extents;
    }
}
