package org.zstack.core.managementnode;

import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.managementnode.ManagementNodeVO;
import org.zstack.header.managementnode.ManagementNodeVO_;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Registers this node with a heartbeat; a node whose heartbeat is older than three intervals is gone. */
public class ManagementNodeTracker {
    static final long HEARTBEAT_SECONDS = 5;

    private final DatabaseFacade dbf;
    private final ThreadFacade thdf;
    private final String nodeUuid;
    private ScheduledFuture<?> heartbeat;

    public ManagementNodeTracker(DatabaseFacade dbf, ThreadFacade thdf, String nodeUuid) {
        this.dbf = dbf;
        this.thdf = thdf;
        this.nodeUuid = nodeUuid;
    }

    public void register(int port) {
        ManagementNodeVO vo = new ManagementNodeVO();
        vo.setUuid(nodeUuid);
        vo.setHostName(hostName());
        vo.setPort(port);
        vo.setHeartBeat(now());
        dbf.persist(vo);
        heartbeat = thdf.submitPeriodicTask(this::beat, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void beat() {
        dbf.transactionVoid(em -> {
            ManagementNodeVO vo = em.find(ManagementNodeVO.class, nodeUuid);
            if (vo != null) {
                vo.setHeartBeat(now());
            }
        });
        // nodes that stopped beating long ago leave the table, so the list stays short
        Q.New(ManagementNodeVO.class).lt(ManagementNodeVO_.heartBeat,
                new Timestamp(System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1))).delete();
    }

    public List<String> aliveNodeUuids() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - TimeUnit.SECONDS.toMillis(3 * HEARTBEAT_SECONDS));
        return Q.New(ManagementNodeVO.class).gt(ManagementNodeVO_.heartBeat, since).listValues(ManagementNodeVO_.uuid);
    }

    public void unregister() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        dbf.removeByPrimaryKey(nodeUuid, ManagementNodeVO.class);
    }

    public String getNodeUuid() {
        return nodeUuid;
    }

    private static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
