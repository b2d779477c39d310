package org.zstack.network.l2;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.AbstractService;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.header.network.l2.*;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.network.l3.L3NetworkVO_;
import org.zstack.header.zone.ZoneDeletionExtensionPoint;
import org.zstack.network.l3.L3NetworkDeletion;

import java.util.List;

import static org.zstack.core.Platform.argerr;

/**
 * L2 networks: create (no-vlan), attach to and detach from clusters, delete with their L3 networks. Every change
 * of one L2 network runs in its queue. A zone's deletion deletes its networks (ZoneDeletionExtensionPoint); a
 * cluster's deletion drops its attachments through the foreign key of L2NetworkClusterRefVO.
 */
public class L2NetworkManagerImpl extends AbstractService implements ZoneDeletionExtensionPoint {
    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private NetworkQueue queue;
    @Autowired
    private L2NetworkClusterAttacher attacher;

    @Override
    public String getId() {
        return L2NetworkConstant.SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APICreateL2NoVlanNetworkMsg m) {
            handle(m);
        } else if (msg instanceof APIAttachL2NetworkToClusterMsg m) {
            queue.runAsync(NetworkQueue.l2(m.getL2NetworkUuid()), m, done -> handle(m, done));
        } else if (msg instanceof APIDetachL2NetworkFromClusterMsg m) {
            queue.run(NetworkQueue.l2(m.getL2NetworkUuid()), m, () -> {
                APIDetachL2NetworkFromClusterEvent evt = new APIDetachL2NetworkFromClusterEvent(m.getId());
                evt.setInventory(attacher.detach(m.getL2NetworkUuid(), m.getClusterUuid()));
                bus.publish(evt);
            });
        } else if (msg instanceof APIDeleteL2NetworkMsg m) {
            queue.run(NetworkQueue.l2(m.getUuid()), m, () -> handle(m));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APICreateL2NoVlanNetworkMsg msg) {
        if (msg.getResourceUuid() != null && dbf.isExist(msg.getResourceUuid(), L2NetworkVO.class)) {
            throw new OperationFailureException(argerr("invalid field[resourceUuid]: l2Network[uuid:%s] already exists",
                    msg.getResourceUuid()));
        }
        L2NetworkVO vo = new L2NetworkVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setType(L2NetworkConstant.L2_NO_VLAN_NETWORK_TYPE);
        vo.setvSwitchType(msg.getvSwitchType() != null ? msg.getvSwitchType() : L2NetworkConstant.VSWITCH_TYPE_LINUX_BRIDGE);
        vo.setZoneUuid(msg.getZoneUuid());
        vo.setPhysicalInterface(msg.getPhysicalInterface());
        dbf.persist(vo);
        APICreateL2NetworkEvent evt = new APICreateL2NetworkEvent(msg.getId());
        evt.setInventory(L2NetworkInventory.valueOf(vo));
        bus.publish(evt);
    }

    private void handle(APIAttachL2NetworkToClusterMsg msg, Runnable done) {
        attacher.attach(msg.getL2NetworkUuid(), msg.getClusterUuid(), new ReturnValueCompletion<>() {
            @Override
            public void success(L2NetworkInventory inv) {
                APIAttachL2NetworkToClusterEvent evt = new APIAttachL2NetworkToClusterEvent(msg.getId());
                evt.setInventory(inv);
                bus.publish(evt);
                done.run();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                bus.replyErrorByMessageType(msg, errorCode);
                done.run();
            }
        });
    }

    private void handle(APIDeleteL2NetworkMsg msg) {
        if (dbf.isExist(msg.getUuid(), L2NetworkVO.class)) {
            List<String> l3 = Q.New(L3NetworkVO.class).eq(L3NetworkVO_.l2NetworkUuid, msg.getUuid())
                    .listValues(L3NetworkVO_.uuid);
            L3NetworkDeletion.check(l3, msg.getDeletionMode(), String.format("l2Network[uuid:%s]", msg.getUuid()));
            dbf.transactionVoid(em -> {
                L3NetworkDeletion.delete(l3);
                Q.New(L2NetworkClusterRefVO.class).eq(L2NetworkClusterRefVO_.l2NetworkUuid, msg.getUuid()).delete();
                Q.New(L2NetworkVO.class).eq(L2NetworkVO_.uuid, msg.getUuid()).delete();
            });
        }
        bus.publish(new APIDeleteL2NetworkEvent(msg.getId()));
    }

    @Override
    public void zoneDeletionCheck(String zoneUuid, DeletionMode mode) {
        L3NetworkDeletion.check(l3NetworksOfZone(zoneUuid), mode, String.format("zone[uuid:%s]", zoneUuid));
    }

    @Override
    public void deleteResourcesOfZone(String zoneUuid) {
        List<String> l2 = Q.New(L2NetworkVO.class).eq(L2NetworkVO_.zoneUuid, zoneUuid).listValues(L2NetworkVO_.uuid);
        if (l2.isEmpty()) {
            return;
        }
        dbf.transactionVoid(em -> {
            L3NetworkDeletion.delete(l3NetworksOfZone(zoneUuid));
            Q.New(L2NetworkClusterRefVO.class).in(L2NetworkClusterRefVO_.l2NetworkUuid, l2).delete();
            Q.New(L2NetworkVO.class).in(L2NetworkVO_.uuid, l2).delete();
        });
    }

    private static List<String> l3NetworksOfZone(String zoneUuid) {
        return Q.New(L3NetworkVO.class).eq(L3NetworkVO_.zoneUuid, zoneUuid).listValues(L3NetworkVO_.uuid);
    }
}
