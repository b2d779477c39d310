package org.zstack.header.longjob;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/longjobs", method = HttpMethod.POST, parameterName = "params", responseClass = APISubmitLongJobEvent.class)
public class APISubmitLongJobMsg extends APICreateMessage {
    @APIParam(required = false, maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(maxLength = 255)
    private String jobName;
    @APIParam(maxLength = 65535, noTrim = true)
    private String jobData;
    @APIParam(required = false, maxLength = 32)
    private String targetResourceUuid;

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
}
