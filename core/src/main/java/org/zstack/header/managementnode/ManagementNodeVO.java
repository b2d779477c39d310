package org.zstack.header.managementnode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

import java.sql.Timestamp;

/** A running management node; its heartbeat tells the others whether its work must be taken over. */
@Entity
@Table(name = "ManagementNodeVO")
public class ManagementNodeVO extends ResourceVO {
    @Column
    private String hostName;
    @Column
    private int port;
    @Column
    private Timestamp heartBeat;

    public String getHostName() { return hostName; }
    public void setHostName(String hostName) { this.hostName = hostName; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public Timestamp getHeartBeat() { return heartBeat; }
    public void setHeartBeat(Timestamp heartBeat) { this.heartBeat = heartBeat; }
}
