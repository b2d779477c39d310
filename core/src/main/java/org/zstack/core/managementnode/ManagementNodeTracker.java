package org.zstack.core.managementnode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.ZStackProperties;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.managementnode.ManagementNodeTakeoverExtensionPoint;
import org.zstack.header.managementnode.ManagementNodeVO;
import org.zstack.header.managementnode.ManagementNodeVO_;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Registers this node with a heartbeat; a node whose heartbeat is older than the heartbeat timeout is gone. Once
 * watching, each beat also hands what gone nodes left to the {@link ManagementNodeTakeoverExtensionPoint}s and then
 * removes the rows of the nodes found dead.
 * <p>
 * zstack.properties: {@code management.server.heartbeatIntervalMillis} (default 5000) and
 * {@code management.server.heartbeatTimeoutMillis} (default three intervals). Every node of a cluster needs the same
 * values; tests shorten them.
 */
public class ManagementNodeTracker {
    private static final Logger logger = LoggerFactory.getLogger(ManagementNodeTracker.class);
    static final long DEFAULT_HEARTBEAT_MILLIS = 5000;

    private final DatabaseFacade dbf;
    private final ThreadFacade thdf;
    private final String nodeUuid;
    private final long intervalMillis;
    private final long timeoutMillis;
    private volatile Collection<ManagementNodeTakeoverExtensionPoint> takeovers = List.of();
    private ScheduledFuture<?> heartbeat;
    private int port;

    public ManagementNodeTracker(DatabaseFacade dbf, ThreadFacade thdf, String nodeUuid, ZStackProperties props) {
        this.dbf = dbf;
        this.thdf = thdf;
        this.nodeUuid = nodeUuid;
        this.intervalMillis = Math.max(100, props.getInt("management.server.heartbeatIntervalMillis", (int) DEFAULT_HEARTBEAT_MILLIS));
        long timeout = props.getInt("management.server.heartbeatTimeoutMillis", (int) (3 * intervalMillis));
        // a node must be allowed to miss at least one beat before it counts as gone
        this.timeoutMillis = Math.max(timeout, 2 * intervalMillis);
    }

    /**
     * Registers the node before it serves anything: a job it accepts is then owned by a node the others see alive.
     * The port is known only once REST listens: {@link #setPort}.
     */
    public void register() {
        ManagementNodeVO vo = new ManagementNodeVO();
        vo.setUuid(nodeUuid);
        vo.setHostName(hostName());
        vo.setPort(port);
        vo.setHeartBeat(now());
        dbf.persist(vo);
        heartbeat = thdf.submitPeriodicTask(this::beat, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public void setPort(int port) {
        this.port = port;
        dbf.transactionVoid(em -> {
            ManagementNodeVO vo = em.find(ManagementNodeVO.class, nodeUuid);
            if (vo != null) {
                vo.setPort(port);
            }
        });
    }

    /** From now on each beat takes over what gone nodes left; the first takeover runs at once (the boot's). */
    public void watch(Collection<ManagementNodeTakeoverExtensionPoint> extensions) {
        takeovers = List.copyOf(extensions);
        takeOver();
    }

    private void beat() {
        boolean found = dbf.transaction(em -> {
            ManagementNodeVO vo = em.find(ManagementNodeVO.class, nodeUuid);
            if (vo != null) {
                vo.setHeartBeat(now());
            }
            return vo != null;
        });
        if (!found) {
            // another node found this one dead (a long pause) and removed it: what it ran was taken over already
            logger.warn("management node {} was removed by another node (its heartbeat was older than {} ms); registering again",
                    nodeUuid, timeoutMillis);
            ManagementNodeVO vo = new ManagementNodeVO();
            vo.setUuid(nodeUuid);
            vo.setHostName(hostName());
            vo.setPort(port);
            vo.setHeartBeat(now());
            dbf.persist(vo);
        }
        takeOver();
    }

    private void takeOver() {
        if (takeovers.isEmpty()) {
            return;
        }
        Timestamp deadline = new Timestamp(System.currentTimeMillis() - timeoutMillis);
        List<String> dead = Q.New(ManagementNodeVO.class).lt(ManagementNodeVO_.heartBeat, deadline)
                .notEq(ManagementNodeVO_.uuid, nodeUuid).listValues(ManagementNodeVO_.uuid);
        if (!dead.isEmpty()) {
            logger.info("management nodes {} stopped beating more than {} ms ago: taking over their work", dead, timeoutMillis);
        }
        Set<String> alive = new HashSet<>(aliveNodeUuids());
        alive.add(nodeUuid);
        for (ManagementNodeTakeoverExtensionPoint ext : takeovers) {
            try {
                ext.takeOverFromDeadNodes(alive);
            } catch (RuntimeException e) {
                // the next beat tries again; one failing extension must not keep the others from their work
                logger.warn("taking over the work of gone management nodes failed in " + ext.getClass().getSimpleName(), e);
            }
        }
        // only after the takeover: a row is the one trace of a dead node that a failed takeover can retry from
        for (String uuid : dead) {
            int removed = Q.New(ManagementNodeVO.class).eq(ManagementNodeVO_.uuid, uuid).lt(ManagementNodeVO_.heartBeat, deadline).delete();
            if (removed > 0) {
                logger.info("management node {} is gone: its row is removed", uuid);
            }
        }
    }

    public List<String> aliveNodeUuids() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - timeoutMillis);
        return Q.New(ManagementNodeVO.class).gt(ManagementNodeVO_.heartBeat, since).listValues(ManagementNodeVO_.uuid);
    }

    public long getHeartbeatIntervalMillis() {
        return intervalMillis;
    }

    public long getHeartbeatTimeoutMillis() {
        return timeoutMillis;
    }

    public void unregister() {
        takeovers = List.of();
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
