package org.zstack.vmware;

import org.zstack.core.config.GlobalConfig;

/** conf/globalConfig/vmware.xml */
public final class VCenterGlobalConfig {
    private VCenterGlobalConfig() {
    }

    public static final String CATEGORY = "vmware";
    /** Seconds between two syncs of every Enabled vCenter. */
    public static final GlobalConfig SYNC_INTERVAL = new GlobalConfig(CATEGORY, "sync.interval");
    /** Seconds a connection to a vCenter may take to open. */
    public static final GlobalConfig CONNECT_TIMEOUT = new GlobalConfig(CATEGORY, "connection.connectTimeout");
    /** Seconds a vCenter may take to answer one call. */
    public static final GlobalConfig READ_TIMEOUT = new GlobalConfig(CATEGORY, "connection.readTimeout");
    /** Sessions a node keeps open with one vCenter at most. */
    public static final GlobalConfig POOL_SIZE = new GlobalConfig(CATEGORY, "connection.poolSize");
    /** Seconds an unused session stays open before it is logged out. */
    public static final GlobalConfig IDLE_TIMEOUT = new GlobalConfig(CATEGORY, "connection.idleTimeout");

    /** How an offline migration reads a VM's disks: "export" (NFC lease) or "datastore" (flat files, Range). */
    public static final GlobalConfig COLD_READ_PATH = new GlobalConfig("v2v", "vmware.coldReadPath");
    public static final String COLD_READ_EXPORT = "export";
    public static final String COLD_READ_DATASTORE = "datastore";
}
