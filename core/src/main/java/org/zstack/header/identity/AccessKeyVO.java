package org.zstack.header.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "AccessKeyVO")
public class AccessKeyVO extends ResourceVO {
    @Column
    private String accountUuid;
    @Column
    private String userUuid;
    @Column
    private String description;
    @Column(name = "AccessKeyID")
    private String accessKeyID;
    /** Encrypted with the node's secret key: the server needs it back to check signatures. */
    @Column(name = "AccessKeySecret")
    private String accessKeySecret;
    @Column
    private String state;

    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAccessKeyID() { return accessKeyID; }
    public void setAccessKeyID(String accessKeyID) { this.accessKeyID = accessKeyID; }
    public String getAccessKeySecret() { return accessKeySecret; }
    public void setAccessKeySecret(String accessKeySecret) { this.accessKeySecret = accessKeySecret; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
}
