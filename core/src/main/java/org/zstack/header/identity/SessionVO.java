package org.zstack.header.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

import java.sql.Timestamp;

@Entity
@Table(name = "SessionVO")
public class SessionVO extends ResourceVO {
    @Column
    private String accountUuid;
    @Column
    private String userUuid;
    @Column
    private Timestamp expiredDate;

    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public Timestamp getExpiredDate() { return expiredDate; }
    public void setExpiredDate(Timestamp expiredDate) { this.expiredDate = expiredDate; }
}
