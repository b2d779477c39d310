package org.zstack.sdk;

public class L3NetworkInventory {
    public String uuid;
    public String name;
    public String description;
    public String type;
    public String zoneUuid;
    public String l2NetworkUuid;
    public String state;
    public String category;
    public Boolean system;
    public String dnsDomain;
    public Integer ipVersion;
    public java.util.List<String> dns;
    public java.util.List<IpRangeInventory> ipRanges;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getZoneUuid() {
        return zoneUuid;
    }

    public void setZoneUuid(String zoneUuid) {
        this.zoneUuid = zoneUuid;
    }

    public String getL2NetworkUuid() {
        return l2NetworkUuid;
    }

    public void setL2NetworkUuid(String l2NetworkUuid) {
        this.l2NetworkUuid = l2NetworkUuid;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Boolean getSystem() {
        return system;
    }

    public void setSystem(Boolean system) {
        this.system = system;
    }

    public String getDnsDomain() {
        return dnsDomain;
    }

    public void setDnsDomain(String dnsDomain) {
        this.dnsDomain = dnsDomain;
    }

    public Integer getIpVersion() {
        return ipVersion;
    }

    public void setIpVersion(Integer ipVersion) {
        this.ipVersion = ipVersion;
    }

    public java.util.List<String> getDns() {
        return dns;
    }

    public void setDns(java.util.List<String> dns) {
        this.dns = dns;
    }

    public java.util.List<IpRangeInventory> getIpRanges() {
        return ipRanges;
    }

    public void setIpRanges(java.util.List<IpRangeInventory> ipRanges) {
        this.ipRanges = ipRanges;
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
