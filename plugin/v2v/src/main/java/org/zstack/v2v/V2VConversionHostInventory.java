package org.zstack.v2v;

import org.zstack.core.db.Q;
import org.zstack.header.Inventory;
import org.zstack.header.host.HostVO;
import org.zstack.header.host.HostVO_;

import java.sql.Timestamp;

/**
 * The published inventory (schema name org.zstack.v2v.V2VConversionHostInventory), plus the host's status and
 * state, and the settings kept as system tags so an administrator sees them where the host is shown.
 */
@Inventory(mappingVOClass = V2VConversionHostVO.class)
public class V2VConversionHostInventory {
    private String uuid;
    private String name;
    private String description;
    private String type;
    private String hostUuid;
    private String storagePath;
    private String state;
    private Long totalSize;
    private Long availableSize;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    private String hostStatus;
    private String hostState;
    private Long uploadBandwidth;
    private Long downloadBandwidth;
    private String conversionNetworkCidr;

    public static V2VConversionHostInventory valueOf(V2VConversionHostVO vo) {
        V2VConversionHostInventory inv = new V2VConversionHostInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.type = vo.getType();
        inv.hostUuid = vo.getHostUuid();
        inv.storagePath = vo.getStoragePath();
        inv.state = vo.getState().toString();
        inv.totalSize = vo.getTotalSize();
        inv.availableSize = vo.getAvailableSize();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        HostVO host = Q.New(HostVO.class).eq(HostVO_.uuid, vo.getHostUuid()).find();
        if (host != null) {
            inv.hostStatus = host.getStatus().toString();
            inv.hostState = host.getState().toString();
        }
        inv.uploadBandwidth = longOrNull(V2VSystemTags.UPLOAD_BANDWIDTH.getTokenByResourceUuid(vo.getUuid(), V2VSystemTags.BANDWIDTH_TOKEN));
        inv.downloadBandwidth = longOrNull(V2VSystemTags.DOWNLOAD_BANDWIDTH.getTokenByResourceUuid(vo.getUuid(), V2VSystemTags.BANDWIDTH_TOKEN));
        inv.conversionNetworkCidr = V2VSystemTags.CONVERSION_NETWORK_CIDR.getTokenByResourceUuid(vo.getUuid(), V2VSystemTags.CIDR_TOKEN);
        return inv;
    }

    private static Long longOrNull(String s) {
        return s == null ? null : Long.valueOf(s);
    }

    public String getUuid() { return uuid; }
    public String getHostStatus() { return hostStatus; }
    public Long getTotalSize() { return totalSize; }
    public Long getAvailableSize() { return availableSize; }
}
