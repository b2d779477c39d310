package org.zstack.header.identity;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = SessionVO.class)
public class SessionInventory {
    private String uuid;
    private String accountUuid;
    private String userUuid;
    private Timestamp expiredDate;
    private Timestamp createDate;

    public static SessionInventory valueOf(SessionVO vo) {
        SessionInventory inv = new SessionInventory();
        inv.uuid = vo.getUuid();
        inv.accountUuid = vo.getAccountUuid();
        inv.userUuid = vo.getUserUuid();
        inv.expiredDate = vo.getExpiredDate();
        inv.createDate = vo.getCreateDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public Timestamp getExpiredDate() { return expiredDate; }
    public void setExpiredDate(Timestamp expiredDate) { this.expiredDate = expiredDate; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
}
