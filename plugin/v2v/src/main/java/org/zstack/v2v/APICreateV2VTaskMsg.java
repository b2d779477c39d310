package org.zstack.v2v;

import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.host.HostVO;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.header.zone.ZoneVO;

import java.util.List;

/**
 * The migration wizard in one call: up to 50 source VMs, one conversion host, one target; every VM becomes its own
 * long job, grouped under the task. Everything is checked before anything starts.
 */
@RestRequest(path = "/v2v-tasks", method = HttpMethod.POST, parameterName = "params", responseClass = APICreateV2VTaskEvent.class)
public class APICreateV2VTaskMsg extends APICreateMessage implements MigrationTargetRequest {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(resourceType = V2VConversionHostVO.class)
    private String conversionHostUuid;
    @APIParam(resourceType = ZoneVO.class)
    private String zoneUuid;
    @APIParam(required = false, resourceType = ClusterVO.class)
    private String clusterUuid;
    @APIParam(required = false, resourceType = HostVO.class)
    private String hostUuid;
    @APIParam(resourceType = PrimaryStorageVO.class)
    private String primaryStorageUuid;
    /** Compressed qcow2 volumes (default: global config v2v.compress). */
    @APIParam(required = false)
    private Boolean compress;
    @APIParam(required = false, validValues = {"InstantStart", "JustConvert"})
    private String strategy;
    /**
     * Stop a running source VM's writes for the copy: a VMware VM is shut down gracefully, a KVM domain is paused
     * for the copy and resumed once its disks are copied (see sourceVmAfterMigration). Without it a running KVM domain
     * is refused.
     */
    @APIParam(required = false)
    private Boolean pauseVm;
    /**
     * What a KVM domain paused for the copy becomes: Resume (default) runs it again as soon as its disks are copied;
     * Shutdown keeps it paused and shuts it down once the migration succeeded. A failure always resumes it.
     */
    @APIParam(required = false, validValues = {"Resume", "Shutdown"})
    private String sourceVmAfterMigration;
    /** The private key that lets the conversion host into the KVM source hosts (qemu+ssh); stored encrypted, never returned. */
    @APIParam(required = false, noTrim = true)
    @NoLogging
    private String sshPrivKey;
    @APIParam(nonempty = true)
    private List<V2VVmSpec> vms;
    @APIParam(required = false)
    private List<V2VNetworkMapping> networkMappings;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public Boolean getCompress() { return compress; }
    public void setCompress(Boolean compress) { this.compress = compress; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public Boolean getPauseVm() { return pauseVm; }
    public void setPauseVm(Boolean pauseVm) { this.pauseVm = pauseVm; }
    public String getSourceVmAfterMigration() { return sourceVmAfterMigration; }
    public void setSourceVmAfterMigration(String sourceVmAfterMigration) { this.sourceVmAfterMigration = sourceVmAfterMigration; }
    public String getSshPrivKey() { return sshPrivKey; }
    public void setSshPrivKey(String sshPrivKey) { this.sshPrivKey = sshPrivKey; }
    public List<V2VVmSpec> getVms() { return vms; }
    public void setVms(List<V2VVmSpec> vms) { this.vms = vms; }
    public List<V2VNetworkMapping> getNetworkMappings() { return networkMappings; }
    public void setNetworkMappings(List<V2VNetworkMapping> networkMappings) { this.networkMappings = networkMappings; }
}
