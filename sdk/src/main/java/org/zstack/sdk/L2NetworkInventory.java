package org.zstack.sdk;

public class L2NetworkInventory {
    public String uuid;
    public String name;
    public String description;
    public String zoneUuid;
    public String physicalInterface;
    public String type;
    public String vSwitchType;
    public java.util.List<String> attachedClusterUuids;
    public java.sql.Timestamp createDate;
    public java.sql.Timestamp lastOpDate;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getZoneUuid() {
        return zoneUuid;
    }

    public void setZoneUuid(String zoneUuid) {
        this.zoneUuid = zoneUuid;
    }

    public String getPhysicalInterface() {
        return physicalInterface;
    }

    public void setPhysicalInterface(String physicalInterface) {
        this.physicalInterface = physicalInterface;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getVSwitchType() {
        return vSwitchType;
    }

    public void setVSwitchType(String vSwitchType) {
        this.vSwitchType = vSwitchType;
    }

    public java.util.List<String> getAttachedClusterUuids() {
        return attachedClusterUuids;
    }

    public void setAttachedClusterUuids(java.util.List<String> attachedClusterUuids) {
        this.attachedClusterUuids = attachedClusterUuids;
    }

    public java.sql.Timestamp getCreateDate() {
        return createDate;
    }

    public void setCreateDate(java.sql.Timestamp createDate) {
        this.createDate = createDate;
    }

    public java.sql.Timestamp getLastOpDate() {
        return lastOpDate;
    }

    public void setLastOpDate(java.sql.Timestamp lastOpDate) {
        this.lastOpDate = lastOpDate;
    }
}
