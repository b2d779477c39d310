package org.zstack.v2v;

import java.util.List;

/** One source VM of a CreateV2VTask, with what the administrator changed of its target. */
public class V2VVmSpec {
    /** The source VM: its uuid as synced (an ESX VM's), or a full url such as vmware://&lt;uuid&gt;. */
    private String sourceVmUuid;
    /** The target VM's name; default: the source name with the suffix of global config v2v.targetVmNameSuffix. */
    private String name;
    private Integer cpuNum;
    private Long memorySize;
    /** Linux, Windows, WindowsVirtio, Paravirtualization, Other; default: from the source's guest OS. */
    private String platform;
    /** Per NIC mappings; a source NIC without one follows the task's network mappings. */
    private List<V2VNicMapping> nics;
    /** Source data disks to leave out, by index (1..n). */
    private List<Integer> skipDataDisks;

    public String getSourceVmUuid() { return sourceVmUuid; }
    public void setSourceVmUuid(String sourceVmUuid) { this.sourceVmUuid = sourceVmUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getCpuNum() { return cpuNum; }
    public void setCpuNum(Integer cpuNum) { this.cpuNum = cpuNum; }
    public Long getMemorySize() { return memorySize; }
    public void setMemorySize(Long memorySize) { this.memorySize = memorySize; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public List<V2VNicMapping> getNics() { return nics; }
    public void setNics(List<V2VNicMapping> nics) { this.nics = nics; }
    public List<Integer> getSkipDataDisks() { return skipDataDisks; }
    public void setSkipDataDisks(List<Integer> skipDataDisks) { this.skipDataDisks = skipDataDisks; }
}
