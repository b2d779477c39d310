package org.zstack.header.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.Timestamp;

/** The failed logins of one account name from one client address, for the login throttle. */
@Entity
@Table(name = "LoginAttemptVO")
public class LoginAttemptVO {
    /** SHA-256 hex of the account name and the address: a fixed-length key whatever the two hold. */
    @Id
    @Column(length = 64)
    private String id;
    @Column
    private String accountName;
    @Column
    private String clientAddress;
    @Column
    private int failures;
    @Column
    private Timestamp lastFailureDate;
    @Column
    private Timestamp lockedUntil;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getClientAddress() { return clientAddress; }
    public void setClientAddress(String clientAddress) { this.clientAddress = clientAddress; }
    public int getFailures() { return failures; }
    public void setFailures(int failures) { this.failures = failures; }
    public Timestamp getLastFailureDate() { return lastFailureDate; }
    public void setLastFailureDate(Timestamp lastFailureDate) { this.lastFailureDate = lastFailureDate; }
    public Timestamp getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Timestamp lockedUntil) { this.lockedUntil = lockedUntil; }
}
