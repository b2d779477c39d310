package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

import java.util.List;
import java.util.Map;

@RestResponse(fieldsTo = {"all"})
public class APIListVMsFromKVMHostEvent extends APIEvent {
    private List<KvmVmInventory> inventories;
    private String libvirtVersion;
    private String qemuVersion;
    /** What the conversion host can do: its tools and their versions, and the disk types it reads. */
    private Map<String, Object> v2vCaps;

    public APIListVMsFromKVMHostEvent() {
    }

    public APIListVMsFromKVMHostEvent(String apiId) {
        super(apiId);
    }

    public List<KvmVmInventory> getInventories() { return inventories; }
    public void setInventories(List<KvmVmInventory> inventories) { this.inventories = inventories; }
    public String getLibvirtVersion() { return libvirtVersion; }
    public void setLibvirtVersion(String libvirtVersion) { this.libvirtVersion = libvirtVersion; }
    public String getQemuVersion() { return qemuVersion; }
    public void setQemuVersion(String qemuVersion) { this.qemuVersion = qemuVersion; }
    public Map<String, Object> getV2vCaps() { return v2vCaps; }
    public void setV2vCaps(Map<String, Object> v2vCaps) { this.v2vCaps = v2vCaps; }
}
