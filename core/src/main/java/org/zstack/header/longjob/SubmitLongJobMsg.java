package org.zstack.header.longjob;

import org.zstack.header.message.NeedReplyMessage;

/** How a plugin's API (e.g. ConvertVmFromForeignHypervisor) turns itself into a long job. */
public class SubmitLongJobMsg extends NeedReplyMessage {
    private String name;
    private String description;
    private String jobName;
    private String jobData;
    private String targetResourceUuid;
    private String accountUuid;
    /** The API's id: it becomes the job's apiId, the key of its progress. */
    private String apiId;
    private String resourceUuid;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getJobName() { return jobName; }
    public void setJobName(String jobName) { this.jobName = jobName; }
    public String getJobData() { return jobData; }
    public void setJobData(String jobData) { this.jobData = jobData; }
    public String getTargetResourceUuid() { return targetResourceUuid; }
    public void setTargetResourceUuid(String targetResourceUuid) { this.targetResourceUuid = targetResourceUuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getApiId() { return apiId; }
    public void setApiId(String apiId) { this.apiId = apiId; }
    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
}
