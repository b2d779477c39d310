package org.zstack.v2v;

import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.host.HostVO;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.header.zone.ZoneVO;

import java.util.List;

/**
 * The published API that migrates one VM, as ZStack's SDK sends it: the source by url ({@code vmware://<vm uuid>}
 * or {@code kvm://<libvirt URI>#<domain uuid>}),
 * the target's shape and place, one L3 network per source NIC in order. It becomes one long job.
 * Compression and fixed IPs/MACs are CreateV2VTask's; here compression follows the global config.
 */
@RestRequest(path = "/v2vs", method = HttpMethod.POST, parameterName = "params", responseClass = APIConvertVmFromForeignHypervisorEvent.class)
public class APIConvertVmFromForeignHypervisorMsg extends APICreateMessage implements MigrationTargetRequest {
    /**
     * vmware://&lt;uuid of the VM as synced, or its VMware instance uuid&gt;, or
     * kvm://&lt;libvirt URI&gt;#&lt;domain uuid or name&gt;, e.g. kvm://qemu+ssh://root@10.0.0.5/system#&lt;uuid&gt;.
     */
    @APIParam(maxLength = 1024)
    private String url;
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false, resourceType = V2VConversionHostVO.class)
    private String conversionHostUuid;
    /** For a KVM source reached over SSH (not used by VMware sources); stored encrypted with the job, never returned. */
    @APIParam(required = false, noTrim = true)
    @NoLogging
    private String sshPrivKey;
    @APIParam(numberRange = {1, 1024})
    private Integer cpuNum;
    @APIParam(numberRange = {1, Long.MAX_VALUE})
    private Long memorySize;
    @APIParam(required = false, resourceType = ZoneVO.class)
    private String zoneUuid;
    @APIParam(required = false, resourceType = ClusterVO.class)
    private String clusterUuid;
    @APIParam(required = false, resourceType = HostVO.class)
    private String hostUuid;
    @APIParam(resourceType = PrimaryStorageVO.class)
    private String primaryStorageUuid;
    @APIParam(resourceType = L3NetworkVO.class, nonempty = true)
    private List<String> l3NetworkUuids;
    @APIParam(required = false, resourceType = L3NetworkVO.class)
    private String defaultL3NetworkUuid;
    @APIParam(required = false, validValues = {"Linux", "Windows", "WindowsVirtio", "Paravirtualization", "Other"})
    private String platform;
    @APIParam(required = false, validValues = {"UserVm", "ApplianceVm"})
    private String type;
    /** InstantStart starts the VM after the migration; JustConvert leaves it stopped. */
    @APIParam(required = false, validValues = {"InstantStart", "JustConvert"})
    private String strategy;
    @APIParam(required = false, validValues = {"CapacityOptimized", "EfficiencyFirst"})
    private String convertStrategy;
    /**
     * Stop a running source VM's writes for the copy: a VMware VM is shut down gracefully, a KVM domain is paused and
     * resumed once its disks are copied. Without it a running KVM domain is refused.
     */
    @APIParam(required = false)
    private Boolean pauseVm;
    /** Source disks to leave out, by index (1..n; the root disk 0 is always migrated). */
    @APIParam(required = false)
    private List<String> volumeFilters;
    @APIParam(required = false, maxLength = 255)
    private String rootFileSystem;
    @APIParam(required = false, maxLength = 255)
    private String longJobName;
    @APIParam(required = false, maxLength = 2048)
    private String longJobDescription;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getSshPrivKey() { return sshPrivKey; }
    public void setSshPrivKey(String sshPrivKey) { this.sshPrivKey = sshPrivKey; }
    public Integer getCpuNum() { return cpuNum; }
    public void setCpuNum(Integer cpuNum) { this.cpuNum = cpuNum; }
    public Long getMemorySize() { return memorySize; }
    public void setMemorySize(Long memorySize) { this.memorySize = memorySize; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public List<String> getL3NetworkUuids() { return l3NetworkUuids; }
    public void setL3NetworkUuids(List<String> l3NetworkUuids) { this.l3NetworkUuids = l3NetworkUuids; }
    public String getDefaultL3NetworkUuid() { return defaultL3NetworkUuid; }
    public void setDefaultL3NetworkUuid(String defaultL3NetworkUuid) { this.defaultL3NetworkUuid = defaultL3NetworkUuid; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public String getConvertStrategy() { return convertStrategy; }
    public void setConvertStrategy(String convertStrategy) { this.convertStrategy = convertStrategy; }
    public Boolean getPauseVm() { return pauseVm; }
    public void setPauseVm(Boolean pauseVm) { this.pauseVm = pauseVm; }
    public List<String> getVolumeFilters() { return volumeFilters; }
    public void setVolumeFilters(List<String> volumeFilters) { this.volumeFilters = volumeFilters; }
    public String getRootFileSystem() { return rootFileSystem; }
    public void setRootFileSystem(String rootFileSystem) { this.rootFileSystem = rootFileSystem; }
    public String getLongJobName() { return longJobName; }
    public void setLongJobName(String longJobName) { this.longJobName = longJobName; }
    public String getLongJobDescription() { return longJobDescription; }
    public void setLongJobDescription(String longJobDescription) { this.longJobDescription = longJobDescription; }
}
