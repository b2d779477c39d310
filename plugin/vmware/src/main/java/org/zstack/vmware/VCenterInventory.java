package org.zstack.vmware;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

/**
 * The published inventory of a vCenter (schema name org.zstack.vmware.VCenterInventory). Never the password. Beyond
 * ZStack's fields: the API version, the certificate thumbprint the node pins, and when and how the last sync ended.
 */
@Inventory(mappingVOClass = VCenterVO.class)
public class VCenterInventory {
    private String uuid;
    private String name;
    private String description;
    private String domainName;
    private Integer port;
    private String userName;
    private String zoneUuid;
    private Boolean https;
    private String version;
    private String apiVersion;
    private String thumbprint;
    private String instanceUuid;
    private String state;
    private String status;
    private Timestamp lastSyncDate;
    private String lastSyncError;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VCenterInventory valueOf(VCenterVO vo) {
        VCenterInventory inv = new VCenterInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.domainName = vo.getDomainName();
        inv.port = vo.getPort();
        inv.userName = vo.getUserName();
        inv.zoneUuid = vo.getZoneUuid();
        inv.https = vo.isHttps();
        inv.version = vo.getVersion();
        inv.apiVersion = vo.getApiVersion();
        inv.thumbprint = vo.getThumbprint();
        inv.instanceUuid = vo.getInstanceUuid();
        inv.state = vo.getState().toString();
        inv.status = vo.getStatus().toString();
        inv.lastSyncDate = vo.getLastSyncDate();
        inv.lastSyncError = vo.getLastSyncError();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
}
