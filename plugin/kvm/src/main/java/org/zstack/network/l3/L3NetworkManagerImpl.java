package org.zstack.network.l3;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.AbstractService;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.errorcode.SysErrors;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.header.network.l2.L2NetworkVO;
import org.zstack.header.network.l3.*;
import org.zstack.network.l2.NetworkQueue;

import java.util.List;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * L3 networks and their IP ranges. Creating one runs in its L2 network's queue; everything else about one L3
 * network runs in that network's queue, the same queue as its IP allocations (IpAllocator), so a range is never
 * deleted under an allocation and two ranges never overlap.
 */
public class L3NetworkManagerImpl extends AbstractService {
    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private NetworkQueue queue;
    @Autowired
    private IpAllocator allocator;

    @Override
    public String getId() {
        return L3NetworkConstant.SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APICreateL3NetworkMsg m) {
            queue.run(NetworkQueue.l2(m.getL2NetworkUuid()), m, () -> handle(m));
        } else if (msg instanceof APICheckIpAvailabilityMsg m) {
            handle(m);
        } else if (msg instanceof APIDeleteIpRangeMsg m && m.getL3NetworkUuid() == null) {
            bus.publish(new APIDeleteIpRangeEvent(m.getId())); // the range is already gone
        } else if (msg instanceof L3NetworkMessage lm) {
            queue.run(NetworkQueue.l3(lm.getL3NetworkUuid()), msg, () -> handleL3NetworkMessage(msg));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleL3NetworkMessage(Message msg) {
        if (msg instanceof APIAddIpRangeMsg m) {
            IpRangeSpec spec = IpRangeSpec.fromRange(m.getStartIp(), m.getEndIp(), m.getNetmask(), m.getGateway());
            APIAddIpRangeEvent evt = new APIAddIpRangeEvent(m.getId());
            evt.setInventory(addIpRange(m.getL3NetworkUuid(), m.getName(), m.getDescription(), spec, false));
            bus.publish(evt);
        } else if (msg instanceof APIAddIpRangeByNetworkCidrMsg m) {
            IpRangeSpec spec = IpRangeSpec.fromCidr(m.getNetworkCidr(), m.getGateway());
            APIAddIpRangeByNetworkCidrEvent evt = new APIAddIpRangeByNetworkCidrEvent(m.getId());
            evt.setInventory(addIpRange(m.getL3NetworkUuid(), m.getName(), m.getDescription(), spec, true));
            bus.publish(evt);
        } else if (msg instanceof APIDeleteIpRangeMsg m) {
            handle(m);
        } else if (msg instanceof APIDeleteL3NetworkMsg m) {
            handle(m);
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APICreateL3NetworkMsg msg) {
        L2NetworkVO l2 = dbf.findByUuid(msg.getL2NetworkUuid(), L2NetworkVO.class);
        if (l2 == null) {
            throw new OperationFailureException(err(SysErrors.RESOURCE_NOT_FOUND, "l2Network[uuid:%s] not found",
                    msg.getL2NetworkUuid()));
        }
        if (msg.getResourceUuid() != null && dbf.isExist(msg.getResourceUuid(), L3NetworkVO.class)) {
            throw new OperationFailureException(argerr("invalid field[resourceUuid]: l3Network[uuid:%s] already exists",
                    msg.getResourceUuid()));
        }
        boolean system = Boolean.TRUE.equals(msg.getSystem());
        L3NetworkVO vo = new L3NetworkVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setType(msg.getType() != null ? msg.getType() : L3NetworkConstant.L3_BASIC_NETWORK_TYPE);
        vo.setZoneUuid(l2.getZoneUuid());
        vo.setL2NetworkUuid(l2.getUuid());
        vo.setState(L3NetworkState.Enabled);
        // a system network without a category is a System one; otherwise Private, as in ZStack
        vo.setCategory(msg.getCategory() != null ? L3NetworkCategory.valueOf(msg.getCategory())
                : system ? L3NetworkCategory.System : L3NetworkCategory.Private);
        vo.setSystem(system);
        vo.setDnsDomain(msg.getDnsDomain());
        vo.setIpVersion(L3NetworkConstant.IPV4);
        dbf.persist(vo);
        APICreateL3NetworkEvent evt = new APICreateL3NetworkEvent(msg.getId());
        evt.setInventory(L3NetworkInventory.valueOf(vo));
        bus.publish(evt);
    }

    private IpRangeInventory addIpRange(String l3NetworkUuid, String name, String description, IpRangeSpec spec,
                                        boolean byCidr) {
        if (!dbf.isExist(l3NetworkUuid, L3NetworkVO.class)) {
            throw new OperationFailureException(err(SysErrors.RESOURCE_NOT_FOUND, "l3Network[uuid:%s] not found", l3NetworkUuid));
        }
        NewIpRangeCheck.check(l3NetworkUuid, spec, byCidr);
        IpRangeVO vo = new IpRangeVO();
        vo.setUuid(Platform.getUuid());
        vo.setL3NetworkUuid(l3NetworkUuid);
        vo.setName(name);
        vo.setDescription(description);
        vo.setStartIp(spec.startIp());
        vo.setEndIp(spec.endIp());
        vo.setNetmask(spec.netmask());
        vo.setGateway(spec.gatewayIp());
        vo.setNetworkCidr(spec.networkCidr());
        vo.setPrefixLen(spec.prefixLen());
        vo.setIpVersion(L3NetworkConstant.IPV4);
        dbf.persist(vo);
        return IpRangeInventory.valueOf(vo);
    }

    private void handle(APIDeleteIpRangeMsg msg) {
        if (dbf.isExist(msg.getUuid(), IpRangeVO.class)) {
            if (msg.getDeletionMode() == DeletionMode.Permissive) {
                UsedIpVO used = Q.New(UsedIpVO.class).eq(UsedIpVO_.ipRangeUuid, msg.getUuid()).find();
                if (used != null) {
                    long n = Q.New(UsedIpVO.class).eq(UsedIpVO_.ipRangeUuid, msg.getUuid()).count();
                    throw new OperationFailureException(operr("cannot delete ip range[uuid:%s]: %d IP address(es)"
                            + " are in use (ip %s by %s); delete with deleteMode=Enforcing to release them",
                            msg.getUuid(), n, used.getIp(), used.getOwnerUuid()));
                }
            }
            dbf.transactionVoid(em -> {
                Q.New(UsedIpVO.class).eq(UsedIpVO_.ipRangeUuid, msg.getUuid()).delete();
                Q.New(IpRangeVO.class).eq(IpRangeVO_.uuid, msg.getUuid()).delete();
            });
        }
        bus.publish(new APIDeleteIpRangeEvent(msg.getId()));
    }

    private void handle(APIDeleteL3NetworkMsg msg) {
        if (dbf.isExist(msg.getUuid(), L3NetworkVO.class)) {
            List<String> l3 = List.of(msg.getUuid());
            L3NetworkDeletion.check(l3, msg.getDeletionMode(), String.format("l3Network[uuid:%s]", msg.getUuid()));
            L3NetworkDeletion.deleteInTransaction(dbf, l3);
        }
        bus.publish(new APIDeleteL3NetworkEvent(msg.getId()));
    }

    private void handle(APICheckIpAvailabilityMsg msg) {
        APICheckIpAvailabilityReply reply = new APICheckIpAvailabilityReply();
        String reason = allocator.unavailableReason(msg.getL3NetworkUuid(), msg.getIp());
        reply.setAvailable(reason == null);
        reply.setReason(reason);
        bus.reply(msg, reply);
    }
}
