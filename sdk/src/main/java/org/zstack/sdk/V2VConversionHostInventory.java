package org.zstack.sdk;

public class V2VConversionHostInventory {
    public String uuid;
    public String name;
    public String description;
    public String type;
    public String hostUuid;
    public String storagePath;
    public String state;
    public Long totalSize;
    public Long availableSize;
    public java.sql.Timestamp createDate;
    public java.sql.Timestamp lastOpDate;
    public String hostStatus;
    public String hostState;
    public Long uploadBandwidth;
    public Long downloadBandwidth;
    public String conversionNetworkCidr;

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

    public String getHostUuid() {
        return hostUuid;
    }

    public void setHostUuid(String hostUuid) {
        this.hostUuid = hostUuid;
    }

    public String getStoragePath() {
        return storagePath;
    }

    public void setStoragePath(String storagePath) {
        this.storagePath = storagePath;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Long getTotalSize() {
        return totalSize;
    }

    public void setTotalSize(Long totalSize) {
        this.totalSize = totalSize;
    }

    public Long getAvailableSize() {
        return availableSize;
    }

    public void setAvailableSize(Long availableSize) {
        this.availableSize = availableSize;
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

    public String getHostStatus() {
        return hostStatus;
    }

    public void setHostStatus(String hostStatus) {
        this.hostStatus = hostStatus;
    }

    public String getHostState() {
        return hostState;
    }

    public void setHostState(String hostState) {
        this.hostState = hostState;
    }

    public Long getUploadBandwidth() {
        return uploadBandwidth;
    }

    public void setUploadBandwidth(Long uploadBandwidth) {
        this.uploadBandwidth = uploadBandwidth;
    }

    public Long getDownloadBandwidth() {
        return downloadBandwidth;
    }

    public void setDownloadBandwidth(Long downloadBandwidth) {
        this.downloadBandwidth = downloadBandwidth;
    }

    public String getConversionNetworkCidr() {
        return conversionNetworkCidr;
    }

    public void setConversionNetworkCidr(String conversionNetworkCidr) {
        this.conversionNetworkCidr = conversionNetworkCidr;
    }

}
