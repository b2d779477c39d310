package org.zstack.v2v;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

import java.sql.Timestamp;

/**
 * The migration of one source VM; its uuid is its long job's uuid, whose state it shares. Holds what the task list
 * shows (source and target VM, platform, phase, times, bytes) and what the scheduler needs (the cache space
 * reserved on the conversion host while the job lives).
 */
@Entity
@Table(name = "V2VJobVO")
public class V2VJobVO extends ResourceVO {
    @Column
    private String taskUuid;
    @Column
    private String conversionHostUuid;
    @Column
    private String sourceUrl;
    @Column
    private String sourceVmUuid;
    @Column
    private String sourceVmName;
    @Column
    private String targetVmUuid;
    @Column
    private String targetVmName;
    @Column
    private String targetHostUuid;
    @Column
    private String platform;
    @Column
    private String phase;
    @Column
    private long reservedCacheSize;
    @Column
    private Long bytesTransferred;
    @Column
    private String logPath;
    /** JSON {phase: seconds} of the last run. */
    @Column
    private String phaseTimes;
    /** The source's secret (a KVM host's SSH key), encrypted; never in an inventory. */
    @Column
    private String sourceCredential;
    /** How the disks were read (PreparedSource.readPath), and why that way. */
    @Column
    private String readPath;
    @Column
    private String readPathReason;
    /** What a queued job waits for; null once it runs. */
    @Column
    private String waitingFor;
    @Column
    private Timestamp startDate;
    @Column
    private Timestamp endDate;

    public String getReadPath() { return readPath; }
    public void setReadPath(String readPath) { this.readPath = readPath; }
    public String getReadPathReason() { return readPathReason; }
    public void setReadPathReason(String readPathReason) { this.readPathReason = readPathReason; }
    public String getWaitingFor() { return waitingFor; }
    public void setWaitingFor(String waitingFor) { this.waitingFor = waitingFor; }
    public String getTaskUuid() { return taskUuid; }
    public void setTaskUuid(String taskUuid) { this.taskUuid = taskUuid; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getSourceUrl() { return sourceUrl; }
    public void setSourceUrl(String sourceUrl) { this.sourceUrl = sourceUrl; }
    public String getSourceVmUuid() { return sourceVmUuid; }
    public void setSourceVmUuid(String sourceVmUuid) { this.sourceVmUuid = sourceVmUuid; }
    public String getSourceVmName() { return sourceVmName; }
    public void setSourceVmName(String sourceVmName) { this.sourceVmName = sourceVmName; }
    public String getTargetVmUuid() { return targetVmUuid; }
    public void setTargetVmUuid(String targetVmUuid) { this.targetVmUuid = targetVmUuid; }
    public String getTargetVmName() { return targetVmName; }
    public void setTargetVmName(String targetVmName) { this.targetVmName = targetVmName; }
    public String getTargetHostUuid() { return targetHostUuid; }
    public void setTargetHostUuid(String targetHostUuid) { this.targetHostUuid = targetHostUuid; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public long getReservedCacheSize() { return reservedCacheSize; }
    public void setReservedCacheSize(long reservedCacheSize) { this.reservedCacheSize = reservedCacheSize; }
    public Long getBytesTransferred() { return bytesTransferred; }
    public void setBytesTransferred(Long bytesTransferred) { this.bytesTransferred = bytesTransferred; }
    public String getLogPath() { return logPath; }
    public void setLogPath(String logPath) { this.logPath = logPath; }
    public String getSourceCredential() { return sourceCredential; }
    public void setSourceCredential(String sourceCredential) { this.sourceCredential = sourceCredential; }
    public String getPhaseTimes() { return phaseTimes; }
    public void setPhaseTimes(String phaseTimes) { this.phaseTimes = phaseTimes; }
    public Timestamp getStartDate() { return startDate; }
    public void setStartDate(Timestamp startDate) { this.startDate = startDate; }
    public Timestamp getEndDate() { return endDate; }
    public void setEndDate(Timestamp endDate) { this.endDate = endDate; }
}
