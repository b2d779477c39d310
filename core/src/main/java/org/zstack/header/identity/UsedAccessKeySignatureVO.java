package org.zstack.header.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.Timestamp;

/** An access-key signature that was accepted once, kept until its Date leaves the accepted window. */
@Entity
@Table(name = "UsedAccessKeySignatureVO")
public class UsedAccessKeySignatureVO {
    /** SHA-256 hex of the access key id and the signature. */
    @Id
    @Column(length = 64)
    private String id;
    @Column
    private Timestamp expireDate;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Timestamp getExpireDate() { return expireDate; }
    public void setExpireDate(Timestamp expireDate) { this.expireDate = expireDate; }
}
