package org.zstack.header.longjob;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "LongJobVO")
public class LongJobVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String apiId;
    @Column
    private String jobName;
    @Column
    @Lob
    private String jobData;
    @Column
    @Lob
    private String jobResult;
    @Column
    @Enumerated(EnumType.STRING)
    private LongJobState state;
    @Column
    private String targetResourceUuid;
    @Column
    private String managementNodeUuid;
    @Column
    private String accountUuid;
    @Column
    private Long executeTime;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getApiId() { return apiId; }
    public void setApiId(String apiId) { this.apiId = apiId; }
    public String getJobName() { return jobName; }
    public void setJobName(String jobName) { this.jobName = jobName; }
    public String getJobData() { return jobData; }
    public void setJobData(String jobData) { this.jobData = jobData; }
    public String getJobResult() { return jobResult; }
    public void setJobResult(String jobResult) { this.jobResult = jobResult; }
    public LongJobState getState() { return state; }
    public void setState(LongJobState state) { this.state = state; }
    public String getTargetResourceUuid() { return targetResourceUuid; }
    public void setTargetResourceUuid(String targetResourceUuid) { this.targetResourceUuid = targetResourceUuid; }
    public String getManagementNodeUuid() { return managementNodeUuid; }
    public void setManagementNodeUuid(String managementNodeUuid) { this.managementNodeUuid = managementNodeUuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public Long getExecuteTime() { return executeTime; }
    public void setExecuteTime(Long executeTime) { this.executeTime = executeTime; }
}
