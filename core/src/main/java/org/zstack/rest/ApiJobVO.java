package org.zstack.rest;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/**
 * The record of an asynchronous API call, what /api-jobs/{uuid} answers from (ZStack's AsyncRestVO). The result
 * stored here never holds a secret (a {@link org.zstack.header.message.NoLogging} field): the submitting node keeps
 * the full body in memory for the poll (see {@link RestServer}).
 */
@Entity
@Table(name = "AsyncRestVO")
public class ApiJobVO extends ResourceVO {
    public enum State { Processing, Done }

    @Column
    private String apiName;
    @Column
    @Enumerated(EnumType.STRING)
    private State state;
    @Column
    private boolean success;
    @Column
    @Lob
    private String result;
    /** Who may read the result: {@link ApiJobOwner}'s form of the submitting session or access key. */
    @Column
    private String owner;
    /** The node that runs the API: if it is gone while the job is Processing, a live node ends the job with an error. */
    @Column
    private String managementNodeUuid;

    public String getApiName() { return apiName; }
    public void setApiName(String apiName) { this.apiName = apiName; }
    public State getState() { return state; }
    public void setState(State state) { this.state = state; }
    public boolean isSuccess() { return success; }
    public void setSuccess(boolean success) { this.success = success; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getManagementNodeUuid() { return managementNodeUuid; }
    public void setManagementNodeUuid(String managementNodeUuid) { this.managementNodeUuid = managementNodeUuid; }
}
