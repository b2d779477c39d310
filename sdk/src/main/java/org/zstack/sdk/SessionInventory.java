package org.zstack.sdk;

public class SessionInventory {
    public String uuid;
    public String accountUuid;
    public String userUuid;
    public java.sql.Timestamp expiredDate;
    public java.sql.Timestamp createDate;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getAccountUuid() {
        return accountUuid;
    }

    public void setAccountUuid(String accountUuid) {
        this.accountUuid = accountUuid;
    }

    public String getUserUuid() {
        return userUuid;
    }

    public void setUserUuid(String userUuid) {
        this.userUuid = userUuid;
    }

    public java.sql.Timestamp getExpiredDate() {
        return expiredDate;
    }

    public void setExpiredDate(java.sql.Timestamp expiredDate) {
        this.expiredDate = expiredDate;
    }

    public java.sql.Timestamp getCreateDate() {
        return createDate;
    }

    public void setCreateDate(java.sql.Timestamp createDate) {
        this.createDate = createDate;
    }
}
