package org.zstack.sdk;

import java.util.HashMap;
import java.util.Map;

/**
 * Server class names, as they appear in a reply's {@code schema}, mapped to the SDK classes they are read
 * into. Raw lists in results (query inventories) are typed only through this.
 */
public final class SourceClassMap {
    public static final Map<String, String> srcToDstMapping;
    public static final Map<String, String> dstToSrcMapping;

    static {
        Map<String, String> m = new HashMap<>();
        m.put("org.zstack.header.identity.SessionInventory", "org.zstack.sdk.SessionInventory");
        m.put("org.zstack.header.identity.AccessKeyInventory", "org.zstack.sdk.AccessKeyInventory");
        m.put("org.zstack.header.zone.ZoneInventory", "org.zstack.sdk.ZoneInventory");
        m.put("org.zstack.header.cluster.ClusterInventory", "org.zstack.sdk.ClusterInventory");
        m.put("org.zstack.header.longjob.LongJobInventory", "org.zstack.sdk.LongJobInventory");
        m.put("org.zstack.core.config.GlobalConfigInventory", "org.zstack.sdk.GlobalConfigInventory");
        m.put("org.zstack.header.core.progress.TaskProgressInventory", "org.zstack.sdk.TaskProgressInventory");
        m.put("org.zstack.header.host.HostInventory", "org.zstack.sdk.HostInventory");
        m.put("org.zstack.kvm.KVMHostInventory", "org.zstack.sdk.KVMHostInventory");
        m.put("org.zstack.v2v.V2VConversionHostInventory", "org.zstack.sdk.V2VConversionHostInventory");
        m.put("org.zstack.header.tag.SystemTagInventory", "org.zstack.sdk.SystemTagInventory");
        m.put("org.zstack.header.network.l2.L2NetworkInventory", "org.zstack.sdk.L2NetworkInventory");
        m.put("org.zstack.header.network.l3.L3NetworkInventory", "org.zstack.sdk.L3NetworkInventory");
        m.put("org.zstack.header.network.l3.IpRangeInventory", "org.zstack.sdk.IpRangeInventory");
        m.put("org.zstack.header.network.l3.UsedIpInventory", "org.zstack.sdk.UsedIpInventory");
        m.put("org.zstack.header.storage.primary.PrimaryStorageInventory", "org.zstack.sdk.PrimaryStorageInventory");
        srcToDstMapping = Map.copyOf(m);

        Map<String, String> reverse = new HashMap<>();
        m.forEach((src, dst) -> reverse.put(dst, src));
        dstToSrcMapping = Map.copyOf(reverse);
    }

    private SourceClassMap() {
    }
}
