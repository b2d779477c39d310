package org.zstack.network.l3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.network.l3.*;
import org.zstack.network.l2.NetworkQueue;

import java.util.Comparator;
import java.util.List;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.operr;

/**
 * Hands out the addresses of an L3 network's IP ranges. A migrated VM asks for the address it had; others take
 * the lowest free one. Allocations and releases run in the L3 network's queue, one at a time, so a free address is
 * never given twice; the unique key (l3NetworkUuid, ip) of UsedIpVO holds even across management nodes.
 * Errors are SYS.1007 for a bad request (no such network, an address outside its ranges) and SYS.1006 when the
 * address is taken (naming its owner) or the network is full.
 */
public class IpAllocator {
    private static final Logger logger = LoggerFactory.getLogger(IpAllocator.class);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private NetworkQueue queue;

    /** @param requestedIp the address to take, or null for any free one */
    public UsedIpInventory allocate(String l3NetworkUuid, String requestedIp, String ownerUuid) {
        if (l3NetworkUuid == null) {
            throw new OperationFailureException(argerr("l3NetworkUuid is required to allocate an IP"));
        }
        if (ownerUuid == null || ownerUuid.isBlank() || ownerUuid.length() > 255) {
            throw new OperationFailureException(argerr("an IP needs an owner (1 to 255 characters), got [%s]", ownerUuid));
        }
        if (requestedIp != null && !Ipv4.isIpv4(requestedIp)) {
            throw new OperationFailureException(argerr("%s is not an IPv4 address", requestedIp));
        }
        return queue.call(NetworkQueue.l3(l3NetworkUuid), "allocate-ip",
                () -> allocateInQueue(l3NetworkUuid, requestedIp, ownerUuid));
    }

    /** Releasing an address that is already released is not an error. */
    public void release(String usedIpUuid) {
        UsedIpVO vo = dbf.findByUuid(usedIpUuid, UsedIpVO.class);
        if (vo == null) {
            return;
        }
        queue.call(NetworkQueue.l3(vo.getL3NetworkUuid()), "release-ip",
                () -> Q.New(UsedIpVO.class).eq(UsedIpVO_.uuid, usedIpUuid).delete());
        logger.debug("released ip {} of l3Network[uuid:{}] from {}", vo.getIp(), vo.getL3NetworkUuid(), vo.getOwnerUuid());
    }

    /** Why ip cannot be allocated on the network now, or null when it can. */
    public String unavailableReason(String l3NetworkUuid, String ip) {
        long v = Ipv4.toLong(ip);
        List<IpRangeVO> ranges = ranges(l3NetworkUuid);
        if (ranges.stream().anyMatch(r -> r.getGateway().equals(ip))) {
            return String.format("ip %s is the gateway of l3Network[uuid:%s]", ip, l3NetworkUuid);
        }
        if (ranges.stream().noneMatch(r -> IpRangeSpec.of(r).contains(v))) {
            return String.format("ip %s is not in any ip range of l3Network[uuid:%s]", ip, l3NetworkUuid);
        }
        UsedIpVO used = findUsed(l3NetworkUuid, ip);
        return used == null ? null : String.format("ip %s is used by %s", ip, used.getOwnerUuid());
    }

    private UsedIpInventory allocateInQueue(String l3NetworkUuid, String requestedIp, String ownerUuid) {
        if (!dbf.isExist(l3NetworkUuid, L3NetworkVO.class)) {
            throw new OperationFailureException(argerr("l3Network[uuid:%s] not found", l3NetworkUuid));
        }
        List<IpRangeVO> ranges = ranges(l3NetworkUuid);
        if (requestedIp != null) {
            long ip = Ipv4.toLong(requestedIp);
            IpRangeVO range = ranges.stream().filter(r -> IpRangeSpec.of(r).contains(ip)).findFirst()
                    .orElseThrow(() -> new OperationFailureException(argerr(
                            "ip %s is not in any ip range of l3Network[uuid:%s]", requestedIp, l3NetworkUuid)));
            UsedIpVO used = findUsed(l3NetworkUuid, requestedIp);
            if (used != null) {
                throw new OperationFailureException(usedError(used));
            }
            return persist(range, ip, ownerUuid);
        }
        for (IpRangeVO range : ranges) {
            Long free = lowestFree(range);
            if (free != null) {
                return persist(range, free, ownerUuid);
            }
        }
        throw new OperationFailureException(operr("no free IP in l3Network[uuid:%s]: every address of its %d ip range(s) is used",
                l3NetworkUuid, ranges.size()));
    }

    /** Walks the used addresses of the range in order; the first gap is the lowest free address. */
    private Long lowestFree(IpRangeVO range) {
        IpRangeSpec spec = IpRangeSpec.of(range);
        List<Long> used = dbf.transaction(em -> em.createQuery(
                        "select u.ipInLong from UsedIpVO u where u.ipRangeUuid = :r order by u.ipInLong", Long.class)
                .setParameter("r", range.getUuid()).getResultList());
        long candidate = spec.start();
        for (long u : used) {
            if (u > candidate) {
                break;
            }
            if (u == candidate) {
                candidate++;
            }
        }
        return candidate <= spec.end() ? candidate : null;
    }

    private UsedIpInventory persist(IpRangeVO range, long ip, String ownerUuid) {
        UsedIpVO vo = new UsedIpVO();
        vo.setUuid(Platform.getUuid());
        vo.setL3NetworkUuid(range.getL3NetworkUuid());
        vo.setIpRangeUuid(range.getUuid());
        vo.setIp(Ipv4.toString(ip));
        vo.setIpInLong(ip);
        vo.setIpVersion(L3NetworkConstant.IPV4);
        vo.setGateway(range.getGateway());
        vo.setNetmask(range.getNetmask());
        vo.setOwnerUuid(ownerUuid);
        try {
            dbf.persist(vo);
        } catch (RuntimeException e) {
            // this node's allocations are serialized, so either another management node took the address first
            // (the unique key refused the row) or the network was deleted with its L2 network or zone meanwhile
            UsedIpVO winner = findUsed(range.getL3NetworkUuid(), vo.getIp());
            if (winner != null) {
                throw new OperationFailureException(usedError(winner));
            }
            if (!dbf.isExist(range.getUuid(), IpRangeVO.class)) {
                throw new OperationFailureException(argerr("ip range[uuid:%s] of l3Network[uuid:%s] was deleted while"
                        + " allocating ip %s", range.getUuid(), range.getL3NetworkUuid(), vo.getIp()));
            }
            throw e;
        }
        logger.debug("allocated ip {} of l3Network[uuid:{}] to {}", vo.getIp(), vo.getL3NetworkUuid(), ownerUuid);
        return UsedIpInventory.valueOf(vo);
    }

    private static ErrorCode usedError(UsedIpVO used) {
        return operr("ip %s of l3Network[uuid:%s] is already used by %s", used.getIp(), used.getL3NetworkUuid(),
                used.getOwnerUuid());
    }

    private static UsedIpVO findUsed(String l3NetworkUuid, String ip) {
        return Q.New(UsedIpVO.class).eq(UsedIpVO_.l3NetworkUuid, l3NetworkUuid).eq(UsedIpVO_.ip, ip).find();
    }

    private static List<IpRangeVO> ranges(String l3NetworkUuid) {
        return Q.New(IpRangeVO.class).eq(IpRangeVO_.l3NetworkUuid, l3NetworkUuid).list().stream()
                .sorted(Comparator.comparingLong(r -> Ipv4.toLong(r.getStartIp()))).toList();
    }
}
