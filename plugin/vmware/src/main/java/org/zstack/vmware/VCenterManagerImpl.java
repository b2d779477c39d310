package org.zstack.vmware;

import com.vmware.vim25.AboutInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.thread.MessageQueue;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.managementnode.ManagementNodeReadyExtensionPoint;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.header.zone.ZoneDeletionExtensionPoint;
import org.zstack.vmware.sync.VCenterInventoryReader;
import org.zstack.vmware.sync.VCenterSnapshot;
import org.zstack.vmware.sync.VCenterSyncApplier;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * vCenters as a migration source. Every change of one vCenter (add, update, sync, delete) runs in that vCenter's
 * queue, so its syncs never overlap. A sync reads the whole inventory first (nothing is written while the vCenter is
 * read) and then applies it in one transaction: a vCenter that fails half-way through a sync leaves the records as
 * they were. Enabled vCenters are synced every vmware.sync.interval seconds.
 */
public class VCenterManagerImpl extends AbstractService implements ManagementNodeReadyExtensionPoint, ZoneDeletionExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(VCenterManagerImpl.class);

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private EncryptionFacade encryption;
    @Autowired
    private VCenterConnectionPool pool;

    private volatile ScheduledFuture<?> syncTask;
    private volatile ScheduledFuture<?> evictTask;

    @Override
    public String getId() {
        return VCenterConstant.SERVICE_ID;
    }

    static String queueOf(String vCenterUuid) {
        return "vcenter-" + vCenterUuid;
    }

    @Override
    public boolean start() {
        VCenterGlobalConfig.SYNC_INTERVAL.installUpdateExtension((o, n) -> scheduleSync());
        return true;
    }

    @Override
    public void managementNodeReady() {
        scheduleSync();
        evictTask = thdf.submitPeriodicTask(pool::evictIdle, 60, TimeUnit.SECONDS);
    }

    @Override
    public boolean stop() {
        if (syncTask != null) {
            syncTask.cancel(false);
        }
        if (evictTask != null) {
            evictTask.cancel(false);
        }
        pool.closeAll();
        return true;
    }

    private synchronized void scheduleSync() {
        if (syncTask != null) {
            syncTask.cancel(false);
        }
        syncTask = thdf.submitPeriodicTask(this::syncAll, VCenterGlobalConfig.SYNC_INTERVAL.value(Long.class), TimeUnit.SECONDS);
    }

    /** Queues a sync of every Enabled vCenter that has nothing queued already. */
    private void syncAll() {
        for (String uuid : Q.New(VCenterVO.class).eq(VCenterVO_.state, VCenterState.Enabled).listValues(VCenterVO_.uuid)) {
            if (thdf.queueLength(queueOf(uuid)) > 0) {
                continue;
            }
            SyncVCenterMsg msg = new SyncVCenterMsg();
            msg.setUuid(uuid);
            bus.makeTargetServiceIdByResourceUuid(msg, VCenterConstant.SERVICE_ID, uuid);
            bus.send(msg, reply -> {
                if (!reply.isSuccess()) {
                    logger.warn("the periodic sync of vCenter[uuid:{}] failed: {}", uuid, reply.getError().getDetails());
                }
            });
        }
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APIQueryVCenterBackupStorageMsg) {
            throw new OperationFailureException(operr("this migration service has no backup storage: vCenter datastores"
                    + " are not registered as backup storage here; QueryVCenterPrimaryStorage lists them"));
        } else if (msg instanceof VCenterMessage vm) {
            queue.run(queueOf(vm.getVCenterUuid()), msg, () -> handleVCenterMessage(msg));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleVCenterMessage(Message msg) {
        if (msg instanceof APIAddVCenterMsg m) {
            handle(m);
        } else if (msg instanceof APISyncVCenterMsg m) {
            VCenterVO vo = dbf.findByUuid(m.getUuid(), VCenterVO.class);
            if (vo == null) {
                throw new OperationFailureException(operr("vCenter[uuid:%s] has been deleted", m.getUuid()));
            }
            if (vo.getState() == VCenterState.Disabled) {
                throw new OperationFailureException(err(VCenterErrors.VCENTER_DISABLED,
                        "vCenter[uuid:%s, name:%s] is Disabled; enable it to sync it", vo.getUuid(), vo.getName()));
            }
            sync(m.getUuid());
            bus.publish(new APISyncVCenterEvent(m.getId()));
        } else if (msg instanceof SyncVCenterMsg m) {
            VCenterVO vo = dbf.findByUuid(m.getUuid(), VCenterVO.class);
            if (vo != null && vo.getState() == VCenterState.Enabled) {
                sync(m.getUuid());
            }
            bus.reply(m, new SyncVCenterReply());
        } else if (msg instanceof APIUpdateVCenterMsg m) {
            handle(m);
        } else if (msg instanceof APIDeleteVCenterMsg m) {
            if (dbf.isExist(m.getUuid(), VCenterVO.class)) {
                deleteVCenter(m.getUuid());
            }
            bus.publish(new APIDeleteVCenterEvent(m.getId()));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private static VCenterException notVCenter(VCenterEndpoint ep, AboutInfo about) {
        return new VCenterException(err(VCenterErrors.NOT_VCENTER, "%s is %s (API type %s), not a vCenter", ep.sdkUrl(),
                about == null ? "unknown" : about.getFullName(), about == null ? "unknown" : about.getApiType()));
    }

    /** Logs in (any certificate: this is the first contact) and checks it is a vCenter; the caller owns the session. */
    private static VCenterConnection login(VCenterEndpoint ep) {
        VCenterConnection c = VCenterConnection.open(ep, null, VCenterConnectionPool.connectTimeoutMillis(), VCenterConnectionPool.readTimeoutMillis());
        AboutInfo about = c.about();
        if (about == null || !VCenterConstant.API_TYPE_VCENTER.equals(about.getApiType())) {
            c.logout();
            throw notVCenter(ep, about);
        }
        return c;
    }

    /**
     * Refuses a vCenter already added under another address: a vCenter is one whatever name or address reaches it
     * (127.0.0.1 and localhost, a DNS name and an IP), and its about.instanceUuid says which it is.
     */
    private void checkNotAddedElsewhere(VCenterEndpoint ep, AboutInfo about, String self) {
        String instanceUuid = about.getInstanceUuid();
        if (instanceUuid == null || instanceUuid.isEmpty()) {
            return;
        }
        VCenterVO other = Q.New(VCenterVO.class).eq(VCenterVO_.instanceUuid, instanceUuid).find();
        if (other != null && !other.getUuid().equals(self)) {
            throw new VCenterException(err(VCenterErrors.SAME_VCENTER,
                    "%s is vCenter[uuid:%s, name:%s], already added at %s:%d (the same vCenter instance uuid %s)",
                    ep.address(), other.getUuid(), other.getName(), other.getDomainName(), other.getPort(), instanceUuid));
        }
    }

    private void handle(APIAddVCenterMsg msg) {
        VCenterEndpoint ep = new VCenterEndpoint(msg.getDomainName(), msg.getPort(), msg.isHttps(), msg.getUsername(), msg.getPassword());
        VCenterConnection c = login(ep);
        AboutInfo about = c.about();
        try {
            checkNotAddedElsewhere(ep, about, null);
        } catch (RuntimeException e) {
            c.logout();
            throw e;
        }
        VCenterVO vo = new VCenterVO();
        vo.setUuid(msg.getResourceUuid());
        vo.setZoneUuid(msg.getZoneUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setDomainName(msg.getDomainName());
        vo.setPort(msg.getPort());
        vo.setHttps(msg.isHttps());
        vo.setUserName(msg.getUsername());
        vo.setPassword(encryption.encrypt(msg.getPassword()));
        vo.setVersion(about.getVersion());
        vo.setApiVersion(about.getApiVersion());
        vo.setThumbprint(c.thumbprint());
        vo.setInstanceUuid(about.getInstanceUuid() == null || about.getInstanceUuid().isEmpty() ? null : about.getInstanceUuid());
        vo.setState(VCenterState.Enabled);
        vo.setStatus(VCenterStatus.Connected);
        try {
            dbf.persist(vo);
        } catch (RuntimeException e) {
            c.logout();
            VCenterVO other = Q.New(VCenterVO.class).eq(VCenterVO_.domainName, msg.getDomainName()).eq(VCenterVO_.port, msg.getPort()).find();
            if (other != null) {
                throw new VCenterException(err(VCenterErrors.DUPLICATE_VCENTER, "vCenter %s is already added as vCenter[uuid:%s, name:%s]",
                        ep.address(), other.getUuid(), other.getName()));
            }
            // added at the same moment under another address: the unique instance uuid refused it
            checkNotAddedElsewhere(ep, about, null);
            throw new VCenterException(StoreErrors.describe(e, "vCenter " + ep.address()));
        }
        logger.info("added vCenter[uuid:{}, name:{}, {}], {} (API {}), certificate thumbprint {}", vo.getUuid(), vo.getName(),
                ep.address(), about.getFullName(), about.getApiVersion(), vo.getThumbprint());
        pool.adopt(vo.getUuid(), c);
        try {
            sync(vo.getUuid());
        } catch (RuntimeException e) {
            // nothing half-stored: a vCenter whose first sync fails is not added
            deleteVCenter(vo.getUuid());
            throw e;
        }
        APIAddVCenterEvent evt = new APIAddVCenterEvent(msg.getId());
        evt.setInventory(VCenterInventory.valueOf(dbf.findByUuid(vo.getUuid(), VCenterVO.class)));
        bus.publish(evt);
    }

    private void handle(APIUpdateVCenterMsg msg) {
        VCenterVO vo = dbf.findByUuid(msg.getUuid(), VCenterVO.class);
        boolean reconnect = msg.getDomainName() != null && !msg.getDomainName().equals(vo.getDomainName())
                || msg.getPort() != null && msg.getPort() != vo.getPort()
                || msg.getUsername() != null && !msg.getUsername().equals(vo.getUserName())
                || msg.getPassword() != null;
        String thumbprint = vo.getThumbprint();
        AboutInfo about = null;
        if (reconnect) {
            VCenterEndpoint ep = new VCenterEndpoint(
                    msg.getDomainName() != null ? msg.getDomainName() : vo.getDomainName(),
                    msg.getPort() != null ? msg.getPort() : vo.getPort(), vo.isHttps(),
                    msg.getUsername() != null ? msg.getUsername() : vo.getUserName(),
                    msg.getPassword() != null ? msg.getPassword() : encryption.decrypt(vo.getPassword()));
            VCenterConnection c = login(ep);
            about = c.about();
            thumbprint = c.thumbprint();
            c.logout();
            checkNotAddedElsewhere(ep, about, vo.getUuid());
        }
        String newThumbprint = thumbprint;
        AboutInfo newAbout = about;
        VCenterVO updated = dbf.updateById(VCenterVO.class, msg.getUuid(), v -> {
            if (msg.getName() != null) {
                v.setName(msg.getName());
            }
            if (msg.getDescription() != null) {
                v.setDescription(msg.getDescription());
            }
            if (msg.getState() != null) {
                v.setState(VCenterState.valueOf(msg.getState()));
            }
            if (reconnect) {
                if (msg.getDomainName() != null) {
                    v.setDomainName(msg.getDomainName());
                }
                if (msg.getPort() != null) {
                    v.setPort(msg.getPort());
                }
                if (msg.getUsername() != null) {
                    v.setUserName(msg.getUsername());
                }
                if (msg.getPassword() != null) {
                    v.setPassword(encryption.encrypt(msg.getPassword()));
                }
                v.setThumbprint(newThumbprint);
                v.setVersion(newAbout.getVersion());
                v.setApiVersion(newAbout.getApiVersion());
                if (newAbout.getInstanceUuid() != null && !newAbout.getInstanceUuid().isEmpty()) {
                    v.setInstanceUuid(newAbout.getInstanceUuid());
                }
                v.setStatus(VCenterStatus.Connected);
            }
        });
        if (reconnect) {
            // sessions made with the old address or credentials are not used again
            pool.invalidate(msg.getUuid());
            logger.info("vCenter[uuid:{}] now at {}:{} as {}, certificate thumbprint {}", updated.getUuid(), updated.getDomainName(),
                    updated.getPort(), updated.getUserName(), updated.getThumbprint());
        }
        APIUpdateVCenterEvent evt = new APIUpdateVCenterEvent(msg.getId());
        evt.setInventory(VCenterInventory.valueOf(updated));
        bus.publish(evt);
    }

    /** Reads the vCenter's inventory and applies it; on failure the records stay as they were. */
    VCenterSyncApplier.Result sync(String uuid) {
        VCenterVO vo = dbf.findByUuid(uuid, VCenterVO.class);
        if (vo == null) {
            throw new OperationFailureException(operr("vCenter[uuid:%s] has been deleted", uuid));
        }
        logger.info("syncing vCenter[uuid:{}, name:{}, {}:{}]", uuid, vo.getName(), vo.getDomainName(), vo.getPort());
        long begin = System.nanoTime();
        VCenterSnapshot snapshot;
        try {
            snapshot = pool.call(uuid, c -> new VCenterInventoryReader(c.getServiceInstance()).read());
        } catch (OperationFailureException e) {
            throw syncFailed(vo, e.getErrorCode(), true);
        }
        long read = System.nanoTime();
        VCenterSyncApplier.Result result;
        try {
            result = dbf.transaction(em -> {
                VCenterVO v = em.find(VCenterVO.class, uuid);
                if (v == null) {
                    throw new OperationFailureException(operr("vCenter[uuid:%s] was deleted during its sync", uuid));
                }
                VCenterSyncApplier.Result r = new VCenterSyncApplier(em, v, snapshot).apply();
                v.setStatus(VCenterStatus.Connected);
                v.setLastSyncDate(new Timestamp(System.currentTimeMillis()));
                v.setLastSyncError(null);
                v.setVersion(snapshot.version);
                v.setApiVersion(snapshot.apiVersion);
                adoptInstanceUuid(em, v, snapshot.instanceUuid);
                return r;
            });
        } catch (OperationFailureException e) {
            throw syncFailed(vo, e.getErrorCode(), false);
        } catch (RuntimeException e) {
            // the SQL and the constraint names go to this log only, never into the error or lastSyncError
            logger.warn(String.format("storing the sync of vCenter[uuid:%s] failed", uuid), e);
            String records = e instanceof VCenterSyncApplier.StoreFailure f ? "its " + f.records : "its records";
            throw syncFailed(vo, StoreErrors.describe(e, records), false);
        }
        long end = System.nanoTime();
        logger.info("synced vCenter[uuid:{}, name:{}] in {} ms (read {} ms, stored {} ms): {} datacenters, {} clusters, {} hosts,"
                        + " {} resource pools, {} datastores, {} networks, {} VMs; {}", uuid, vo.getName(),
                TimeUnit.NANOSECONDS.toMillis(end - begin), TimeUnit.NANOSECONDS.toMillis(read - begin),
                TimeUnit.NANOSECONDS.toMillis(end - read), snapshot.datacenters.size(), snapshot.computeResources.size(),
                snapshot.hosts.size(), snapshot.resourcePools.size(), snapshot.datastores.size(), snapshot.networks.size(),
                snapshot.vms.size(), result);
        return result;
    }

    /**
     * A vCenter added before instance uuids were recorded gets its own at its first sync, unless another vCenter holds
     * it already (the same vCenter added twice then, under two addresses: one of the two can be deleted).
     */
    private static void adoptInstanceUuid(jakarta.persistence.EntityManager em, VCenterVO v, String instanceUuid) {
        if (v.getInstanceUuid() != null || instanceUuid == null || instanceUuid.isEmpty()) {
            return;
        }
        List<String> holders = em.createQuery("select v.uuid from VCenterVO v where v.instanceUuid = :i", String.class)
                .setParameter("i", instanceUuid).getResultList();
        if (holders.isEmpty()) {
            v.setInstanceUuid(instanceUuid);
        } else {
            logger.warn("vCenter[uuid:{}, name:{}] is the same vCenter (instance uuid {}) as vCenter[uuid:{}]; delete one of them",
                    v.getUuid(), v.getName(), instanceUuid, holders.get(0));
        }
    }

    private VCenterException syncFailed(VCenterVO vo, ErrorCode cause, boolean unreachable) {
        String details = cause.getDetails() == null ? cause.getCode() : cause.getDetails();
        logger.warn("the sync of vCenter[uuid:{}, name:{}] failed, its records are unchanged: {}", vo.getUuid(), vo.getName(), details);
        String stored = details.length() > 2000 ? details.substring(0, 2000) : details;
        try {
            dbf.transactionVoid(em -> {
                VCenterVO v = em.find(VCenterVO.class, vo.getUuid());
                if (v != null) {
                    v.setLastSyncError(stored);
                    if (unreachable) {
                        v.setStatus(VCenterStatus.Disconnected);
                    }
                }
            });
        } catch (RuntimeException e) {
            logger.warn("cannot record the failed sync of vCenter[uuid:{}]: {}", vo.getUuid(), e.toString());
        }
        return new VCenterException(err(VCenterErrors.SYNC_FAILED, cause,
                "the sync of vCenter[uuid:%s, name:%s] failed and its records are unchanged: %s", vo.getUuid(), vo.getName(), details));
    }

    /** Deletes the vCenter and every record its syncs made, in one transaction, and logs out its sessions. */
    void deleteVCenter(String uuid) {
        dbf.transactionVoid(em -> {
            deleteByUuids(em, "VmInstanceVO", uuidsOf(em, "VCenterVmInstanceVO", uuid));
            List<String> ps = uuidsOf(em, "VCenterPrimaryStorageVO", uuid);
            deleteByColumn(em, "PrimaryStorageClusterRefVO", "primaryStorageUuid", ps);
            deleteByUuids(em, "PrimaryStorageVO", ps);
            deleteByUuids(em, "HostVO", uuidsOf(em, "ESXHostVO", uuid));
            List<String> clusters = uuidsOf(em, "VCenterClusterVO", uuid);
            deleteByColumn(em, "VCenterResourcePoolVO", "vCenterClusterUuid", clusters);
            deleteByUuids(em, "ClusterVO", clusters);
            // datacenters, networks and resource pools go with the vCenter (ON DELETE CASCADE)
            em.createNativeQuery("DELETE FROM VCenterVO WHERE uuid = :u").setParameter("u", uuid).executeUpdate();
        });
        pool.remove(uuid);
        logger.info("deleted vCenter[uuid:{}] and its records", uuid);
    }

    @SuppressWarnings("unchecked")
    private static List<String> uuidsOf(jakarta.persistence.EntityManager em, String table, String vCenterUuid) {
        return new ArrayList<>((List<String>) em.createNativeQuery("SELECT uuid FROM " + table + " WHERE vCenterUuid = :u")
                .setParameter("u", vCenterUuid).getResultList());
    }

    private static void deleteByUuids(jakarta.persistence.EntityManager em, String table, List<String> uuids) {
        deleteByColumn(em, table, "uuid", uuids);
    }

    private static void deleteByColumn(jakarta.persistence.EntityManager em, String table, String column, List<String> values) {
        for (int i = 0; i < values.size(); i += 500) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE " + column + " IN (:v)")
                    .setParameter("v", values.subList(i, Math.min(values.size(), i + 500))).executeUpdate();
        }
    }

    @Override
    public void zoneDeletionCheck(String zoneUuid, DeletionMode mode) {
        // a vCenter never holds its zone back: it goes with it, as ZStack cascades
    }

    @Override
    public void deleteResourcesOfZone(String zoneUuid) {
        for (String uuid : Q.New(VCenterVO.class).eq(VCenterVO_.zoneUuid, zoneUuid).listValues(VCenterVO_.uuid)) {
            deleteVCenter(uuid);
        }
    }
}
