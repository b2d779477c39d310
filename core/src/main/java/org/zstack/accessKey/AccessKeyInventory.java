package org.zstack.accessKey;

import org.zstack.header.Inventory;
import org.zstack.header.identity.AccessKeyVO;
import org.zstack.header.message.NoLogging;

import java.sql.Timestamp;

/**
 * AccessKeySecret is filled only in the answer to CreateAccessKey; queries never return it. In ZStack's package:
 * a reply's schema names this class, and ZStack's SDK knows it as org.zstack.accessKey.AccessKeyInventory.
 */
@Inventory(mappingVOClass = AccessKeyVO.class)
public class AccessKeyInventory {
    private String uuid;
    private String accountUuid;
    private String userUuid;
    private String description;
    private String AccessKeyID;
    /** Only in the answer to CreateAccessKey, to the caller that created the key; queries never return it. */
    @NoLogging
    private String AccessKeySecret;
    private String state;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static AccessKeyInventory valueOf(AccessKeyVO vo) {
        AccessKeyInventory inv = new AccessKeyInventory();
        inv.uuid = vo.getUuid();
        inv.accountUuid = vo.getAccountUuid();
        inv.userUuid = vo.getUserUuid();
        inv.description = vo.getDescription();
        inv.AccessKeyID = vo.getAccessKeyID();
        inv.state = vo.getState();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getAccessKeyID() { return AccessKeyID; }
    public String getAccessKeySecret() { return AccessKeySecret; }
    public void setAccessKeySecret(String secret) { this.AccessKeySecret = secret; }
    public String getAccountUuid() { return accountUuid; }
    public String getState() { return state; }
}
