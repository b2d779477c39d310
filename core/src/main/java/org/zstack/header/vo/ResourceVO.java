package org.zstack.header.vo;

import jakarta.persistence.*;

import java.sql.Timestamp;

/**
 * What every resource table shares: a 32-hex uuid and its creation and last-change times. The times are set here,
 * not by the database, so that H2 and MariaDB behave the same.
 */
@MappedSuperclass
public abstract class ResourceVO {
    @Id
    @Column(length = 32)
    protected String uuid;
    @Column
    protected Timestamp createDate;
    @Column
    protected Timestamp lastOpDate;

    @PrePersist
    protected void prePersist() {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        if (createDate == null) {
            createDate = now;
        }
        lastOpDate = now;
    }

    @PreUpdate
    protected void preUpdate() {
        lastOpDate = new Timestamp(System.currentTimeMillis());
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
