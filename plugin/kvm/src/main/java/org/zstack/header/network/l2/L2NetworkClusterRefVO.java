package org.zstack.header.network.l2;

import jakarta.persistence.*;

import java.sql.Timestamp;

/** An L2 network attached to a cluster. (l2NetworkUuid, clusterUuid) is unique; deleting either side removes it. */
@Entity
@Table(name = "L2NetworkClusterRefVO")
public class L2NetworkClusterRefVO {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column
    private String l2NetworkUuid;
    @Column
    private String clusterUuid;
    @Column
    private Timestamp createDate;
    @Column
    private Timestamp lastOpDate;

    @PrePersist
    protected void prePersist() {
        createDate = lastOpDate = new Timestamp(System.currentTimeMillis());
    }

    public long getId() { return id; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
}
