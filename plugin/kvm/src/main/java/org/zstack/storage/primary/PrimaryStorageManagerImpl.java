package org.zstack.storage.primary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.asyncbatch.While;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.MessageQueue;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.header.AbstractService;
import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.*;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.header.storage.primary.*;
import org.zstack.header.zone.ZoneDeletionExtensionPoint;
import org.zstack.kvm.AgentPathRoots;
import org.zstack.kvm.AgentPathRootsExtensionPoint;

import java.nio.file.Path;
import java.util.*;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.operr;

/**
 * Primary storage of every kind (see PrimaryStorageBackend): add, attach to clusters (each Connected host of the
 * cluster gets ready and measures it; if one cannot, the attach is undone on the others), detach, delete, and
 * the hosts that connect later. Capacity is what the hosts measured.
 */
public class PrimaryStorageManagerImpl extends AbstractService implements HostConnectExtensionPoint, ZoneDeletionExtensionPoint,
        AgentPathRootsExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(PrimaryStorageManagerImpl.class);

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private PrimaryStorageBackends backends;
    @Autowired
    private AgentPathRoots agentPathRoots;

    @Override
    public String getId() {
        return PrimaryStorageConstant.SERVICE_ID;
    }

    private PrimaryStorageBackend backend(String type) {
        return backends.get(type);
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof AddPrimaryStorageMessage m) {
            handleAdd(m);
        } else if (msg instanceof PrimaryStorageMessage pm) {
            queue.submit("primary-storage-" + pm.getPrimaryStorageUuid(), msg, chain -> handlePrimaryStorageMessage(msg, chain));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleAdd(AddPrimaryStorageMessage m) {
        PrimaryStorageVO vo = new PrimaryStorageVO();
        vo.setUuid(m.getResourceUuid() != null ? m.getResourceUuid() : Platform.getUuid());
        if (PrimaryStorageConstant.LOCAL_STORAGE_TYPE.equals(m.getType())) {
            if (!m.getUrl().startsWith("/") || List.of(m.getUrl().split("/")).contains("..")) {
                throw new OperationFailureException(argerr("url[%s] of a local primary storage must be an absolute directory", m.getUrl()));
            }
            vo.setUrl(Path.of(m.getUrl()).normalize().toString());
            vo.setMountPath(vo.getUrl());
        } else {
            vo.setUrl(m.getUrl());
            vo.setMountPath(NfsPrimaryStorageBackend.MOUNT_ROOT + vo.getUuid());
        }
        vo.setName(m.getName());
        vo.setDescription(m.getDescription());
        vo.setZoneUuid(m.getZoneUuid());
        vo.setType(m.getType());
        vo.setState(PrimaryStorageState.Enabled);
        vo.setStatus(PrimaryStorageStatus.Connected);
        dbf.persist(vo);
        APIAddPrimaryStorageEvent evt = new APIAddPrimaryStorageEvent(m.getId());
        evt.setInventory(PrimaryStorageInventory.valueOf(vo));
        bus.publish(evt);
    }

    private void handlePrimaryStorageMessage(Message msg, SyncTaskChain chain) {
        if (msg instanceof APIAttachPrimaryStorageToClusterMsg m) {
            attach(m, chain);
        } else if (msg instanceof APIDetachPrimaryStorageFromClusterMsg m) {
            detach(m.getPrimaryStorageUuid(), m.getClusterUuid(), new Completion() {
                @Override
                public void success() {
                    APIDetachPrimaryStorageFromClusterEvent evt = new APIDetachPrimaryStorageFromClusterEvent(m.getId());
                    evt.setInventory(inventory(m.getPrimaryStorageUuid()));
                    bus.publish(evt);
                    chain.next();
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    bus.replyErrorByMessageType(m, errorCode);
                    chain.next();
                }
            });
        } else if (msg instanceof APIDeletePrimaryStorageMsg m) {
            delete(m, chain);
        } else {
            bus.dealWithUnknownMessage(msg);
            chain.next();
        }
    }

    private PrimaryStorageInventory inventory(String uuid) {
        return PrimaryStorageInventory.valueOf(dbf.findByUuid(uuid, PrimaryStorageVO.class));
    }

    private List<HostInventory> connectedHosts(String clusterUuid) {
        List<HostInventory> ret = new ArrayList<>();
        for (HostVO h : Q.New(HostVO.class).eq(HostVO_.clusterUuid, clusterUuid).eq(HostVO_.status, HostStatus.Connected).list()) {
            ret.add(HostInventory.valueOf(h));
        }
        return ret;
    }

    private void attach(APIAttachPrimaryStorageToClusterMsg m, SyncTaskChain chain) {
        PrimaryStorageVO ps = dbf.findByUuid(m.getPrimaryStorageUuid(), PrimaryStorageVO.class);
        ClusterVO cluster = dbf.findByUuid(m.getClusterUuid(), ClusterVO.class);
        if (!ps.getZoneUuid().equals(cluster.getZoneUuid())) {
            throw new OperationFailureException(argerr("primary storage[uuid:%s] and cluster[uuid:%s] are in different zones",
                    ps.getUuid(), cluster.getUuid()));
        }
        if (Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, ps.getUuid())
                .eq(PrimaryStorageClusterRefVO_.clusterUuid, cluster.getUuid()).isExists()) {
            throw new OperationFailureException(argerr("primary storage[uuid:%s] is already attached to cluster[uuid:%s]",
                    ps.getUuid(), cluster.getUuid()));
        }
        PrimaryStorageInventory inv = PrimaryStorageInventory.valueOf(ps);
        PrimaryStorageBackend backend = backend(ps.getType());
        Map<HostInventory, PrimaryStorageBackend.HostCapacity> ready = new LinkedHashMap<>();
        new While<>(connectedHosts(cluster.getUuid())).each((host, next) -> backend.connectHost(inv, host, new ReturnValueCompletion<>() {
            @Override
            public void success(PrimaryStorageBackend.HostCapacity cap) {
                ready.put(host, cap);
                next.success();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                next.fail(operr(errorCode, "host[uuid:%s, ip:%s] cannot use primary storage[uuid:%s]", host.getUuid(),
                        host.getManagementIp(), ps.getUuid()));
            }
        })).run(new Completion() {
            @Override
            public void success() {
                dbf.transactionVoid(em -> {
                    PrimaryStorageClusterRefVO ref = new PrimaryStorageClusterRefVO();
                    ref.setPrimaryStorageUuid(ps.getUuid());
                    ref.setClusterUuid(cluster.getUuid());
                    em.persist(ref);
                    ready.forEach((host, cap) -> saveHostRef(ps.getUuid(), host.getUuid(), cap));
                });
                recalculate(ps.getUuid());
                // before the answer: a volume may be delivered onto the storage as soon as the attach is seen
                agentPathRoots.push(ready.keySet().stream().map(HostInventory::getUuid).toList(), new Completion() {
                    @Override
                    public void success() {
                        APIAttachPrimaryStorageToClusterEvent evt = new APIAttachPrimaryStorageToClusterEvent(m.getId());
                        evt.setInventory(inventory(ps.getUuid()));
                        bus.publish(evt);
                        chain.next();
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        success();
                    }
                });
            }

            @Override
            public void fail(ErrorCode errorCode) {
                // undo on the hosts that got ready, so a failed attach leaves no mount behind
                new While<>(ready.keySet()).each((host, next) -> backend.disconnectHost(inv, host, new Completion() {
                    @Override
                    public void success() {
                        next.success();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        logger.warn("cannot undo primary storage {} on host {}: {}", ps.getUuid(), host.getUuid(), e);
                        next.success();
                    }
                })).run(new Completion() {
                    @Override
                    public void success() {
                        bus.replyErrorByMessageType(m, errorCode);
                        chain.next();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        success();
                    }
                });
            }
        });
    }

    private void saveHostRef(String psUuid, String hostUuid, PrimaryStorageBackend.HostCapacity cap) {
        dbf.transactionVoid(em -> {
            PrimaryStorageHostRefVO ref = Q.New(PrimaryStorageHostRefVO.class).eq(PrimaryStorageHostRefVO_.primaryStorageUuid, psUuid)
                    .eq(PrimaryStorageHostRefVO_.hostUuid, hostUuid).find();
            if (ref == null) {
                ref = new PrimaryStorageHostRefVO();
                ref.setPrimaryStorageUuid(psUuid);
                ref.setHostUuid(hostUuid);
            }
            ref.setTotalCapacity(cap.total());
            ref.setAvailableCapacity(cap.available());
            em.merge(ref);
        });
    }

    /** Local storage: the sum of its hosts' directories. Shared storage: the share as one host sees it. */
    private void recalculate(String psUuid) {
        PrimaryStorageVO ps = dbf.findByUuid(psUuid, PrimaryStorageVO.class);
        if (ps == null) {
            return;
        }
        List<PrimaryStorageHostRefVO> refs = Q.New(PrimaryStorageHostRefVO.class).eq(PrimaryStorageHostRefVO_.primaryStorageUuid, psUuid).list();
        long total = 0;
        long available = 0;
        if (backend(ps.getType()).isShared()) {
            if (!refs.isEmpty()) {
                total = refs.get(0).getTotalCapacity();
                available = refs.stream().mapToLong(PrimaryStorageHostRefVO::getAvailableCapacity).min().orElse(0);
            }
        } else {
            total = refs.stream().mapToLong(PrimaryStorageHostRefVO::getTotalCapacity).sum();
            available = refs.stream().mapToLong(PrimaryStorageHostRefVO::getAvailableCapacity).sum();
        }
        long t = total;
        long a = available;
        dbf.transactionVoid(em -> {
            PrimaryStorageVO v = em.find(PrimaryStorageVO.class, psUuid);
            v.setTotalCapacity(t);
            v.setAvailableCapacity(a);
        });
    }

    private void detach(String psUuid, String clusterUuid, Completion completion) {
        PrimaryStorageVO ps = dbf.findByUuid(psUuid, PrimaryStorageVO.class);
        PrimaryStorageInventory inv = PrimaryStorageInventory.valueOf(ps);
        PrimaryStorageBackend backend = backend(ps.getType());
        List<HostInventory> hosts = new ArrayList<>();
        for (HostVO h : Q.New(HostVO.class).eq(HostVO_.clusterUuid, clusterUuid).list()) {
            hosts.add(HostInventory.valueOf(h));
        }
        new While<>(hosts).each((host, next) -> {
            Runnable forget = () -> {
                Q.New(PrimaryStorageHostRefVO.class).eq(PrimaryStorageHostRefVO_.primaryStorageUuid, psUuid)
                        .eq(PrimaryStorageHostRefVO_.hostUuid, host.getUuid()).delete();
                next.success();
            };
            if (!"Connected".equals(host.getStatus())) {
                forget.run();
                return;
            }
            backend.disconnectHost(inv, host, new Completion() {
                @Override
                public void success() {
                    forget.run();
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    logger.warn("host {} could not release primary storage {}: {}", host.getUuid(), psUuid, errorCode);
                    forget.run();
                }
            });
        }).run(new Completion() {
            @Override
            public void success() {
                Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, psUuid)
                        .eq(PrimaryStorageClusterRefVO_.clusterUuid, clusterUuid).delete();
                recalculate(psUuid);
                // the agents stop accepting paths on the storage once it is no longer theirs
                agentPathRoots.push(hosts.stream().map(HostInventory::getUuid).toList(), completion);
            }

            @Override
            public void fail(ErrorCode errorCode) {
                completion.fail(errorCode);
            }
        });
    }

    private void delete(APIDeletePrimaryStorageMsg m, SyncTaskChain chain) {
        PrimaryStorageVO ps = dbf.findByUuid(m.getUuid(), PrimaryStorageVO.class);
        if (ps == null) {
            bus.publish(new APIDeletePrimaryStorageEvent(m.getId()));
            chain.next();
            return;
        }
        List<String> clusters = Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, ps.getUuid())
                .listValues(PrimaryStorageClusterRefVO_.clusterUuid);
        if (!clusters.isEmpty() && m.getDeletionMode() == DeletionMode.Permissive) {
            throw new OperationFailureException(operr("primary storage[uuid:%s] is attached to clusters %s; detach it first",
                    ps.getUuid(), clusters));
        }
        new While<>(clusters).each((c, next) -> detach(ps.getUuid(), c, next)).run(new Completion() {
            @Override
            public void success() {
                dbf.removeByPrimaryKey(ps.getUuid(), PrimaryStorageVO.class);
                bus.publish(new APIDeletePrimaryStorageEvent(m.getId()));
                chain.next();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                bus.replyErrorByMessageType(m, errorCode);
                chain.next();
            }
        });
    }

    /** A host that (re)connects gets ready for every primary storage of its cluster before it counts as Connected. */
    @Override
    public void connectionReestablished(HostInventory host, Completion completion) {
        List<String> psUuids = Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.clusterUuid, host.getClusterUuid())
                .listValues(PrimaryStorageClusterRefVO_.primaryStorageUuid);
        new While<>(psUuids).each((psUuid, next) -> {
            PrimaryStorageInventory inv = inventory(psUuid);
            backend(inv.getType()).connectHost(inv, host, new ReturnValueCompletion<>() {
                @Override
                public void success(PrimaryStorageBackend.HostCapacity cap) {
                    saveHostRef(psUuid, host.getUuid(), cap);
                    recalculate(psUuid);
                    next.success();
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    next.fail(operr(errorCode, "host[uuid:%s] cannot use primary storage[uuid:%s]", host.getUuid(), psUuid));
                }
            });
        }).run(completion);
    }

    /** The mount of every primary storage attached to the host's cluster (a local storage's directory is its mount). */
    @Override
    public List<String> agentPathRootsOf(String hostUuid) {
        HostVO host = dbf.findByUuid(hostUuid, HostVO.class);
        if (host == null || host.getClusterUuid() == null) {
            return List.of();
        }
        String clusterUuid = host.getClusterUuid();
        List<String> psUuids = Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.clusterUuid, clusterUuid)
                .listValues(PrimaryStorageClusterRefVO_.primaryStorageUuid);
        if (psUuids.isEmpty()) {
            return List.of();
        }
        return Q.New(PrimaryStorageVO.class).in(PrimaryStorageVO_.uuid, psUuids).listValues(PrimaryStorageVO_.mountPath);
    }

    @Override
    public void zoneDeletionCheck(String zoneUuid, DeletionMode mode) {
        // primary storage goes with its zone, as ZStack cascades
    }

    @Override
    public void deleteResourcesOfZone(String zoneUuid) {
        Q.New(PrimaryStorageVO.class).eq(PrimaryStorageVO_.zoneUuid, zoneUuid).delete();
    }
}
