package org.zstack.compute.cluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.MessageQueue;
import org.zstack.header.AbstractService;
import org.zstack.header.cluster.*;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.header.zone.ZoneDeletionExtensionPoint;

import java.util.function.Consumer;

/**
 * Clusters of KVM hosts. Deleting a zone deletes its clusters, as ZStack cascades; hosts will take part in a
 * cluster's deletion the same way when they come.
 */
public class ClusterManagerImpl extends AbstractService implements ZoneDeletionExtensionPoint {
    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private MessageQueue queue;

    @Override
    public String getId() {
        return ClusterConstant.SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APICreateClusterMsg m) {
            handle(m);
        } else if (msg instanceof ClusterMessage cm) {
            queue.run("cluster-" + cm.getClusterUuid(), msg, () -> handleClusterMessage(msg));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleClusterMessage(Message msg) {
        if (msg instanceof APIUpdateClusterMsg m) {
            APIUpdateClusterEvent evt = new APIUpdateClusterEvent(m.getId());
            evt.setInventory(update(m.getUuid(), vo -> {
                if (m.getName() != null) {
                    vo.setName(m.getName());
                }
                if (m.getDescription() != null) {
                    vo.setDescription(m.getDescription());
                }
            }));
            bus.publish(evt);
        } else if (msg instanceof APIChangeClusterStateMsg m) {
            APIChangeClusterStateEvent evt = new APIChangeClusterStateEvent(m.getId());
            evt.setInventory(update(m.getUuid(),
                    vo -> vo.setState(m.getStateEvent().equals("enable") ? ClusterState.Enabled : ClusterState.Disabled)));
            bus.publish(evt);
        } else if (msg instanceof APIDeleteClusterMsg m) {
            dbf.removeByPrimaryKey(m.getUuid(), ClusterVO.class);
            bus.publish(new APIDeleteClusterEvent(m.getId()));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APICreateClusterMsg msg) {
        ClusterVO vo = new ClusterVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setZoneUuid(msg.getZoneUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setState(ClusterState.Enabled);
        vo.setHypervisorType(msg.getHypervisorType());
        vo.setType(msg.getType() != null ? msg.getType() : ClusterConstant.ZSTACK_CLUSTER_TYPE);
        vo.setArchitecture(msg.getArchitecture() != null ? msg.getArchitecture() : "x86_64");
        dbf.persist(vo);
        APICreateClusterEvent evt = new APICreateClusterEvent(msg.getId());
        evt.setInventory(ClusterInventory.valueOf(vo));
        bus.publish(evt);
    }

    private ClusterInventory update(String uuid, Consumer<ClusterVO> change) {
        return ClusterInventory.valueOf(dbf.updateById(ClusterVO.class, uuid, change));
    }

    @Override
    public void zoneDeletionCheck(String zoneUuid, DeletionMode mode) {
        // an empty cluster never holds a zone back; hosts and VMs will veto here in Permissive mode
    }

    @Override
    public void deleteResourcesOfZone(String zoneUuid) {
        Q.New(ClusterVO.class).eq(ClusterVO_.zoneUuid, zoneUuid).delete();
    }
}
