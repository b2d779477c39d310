package org.zstack.vmware.source;

import com.vmware.vim25.HttpNfcLeaseInfo;
import com.vmware.vim25.mo.VirtualMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.Component;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.MigrationSource;
import org.zstack.v2v.source.PrepareSpec;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceAccess;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterConnectionPool;
import org.zstack.vmware.VCenterDatacenterVO;
import org.zstack.vmware.VCenterErrors;
import org.zstack.vmware.VCenterGlobalConfig;
import org.zstack.vmware.VCenterState;
import org.zstack.vmware.VCenterVO;
import org.zstack.vmware.VCenterVmInstanceVO;
import org.zstack.vmware.VCenterVolumeVO;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.inerr;

/**
 * A vCenter VM as the source of a migration ({@code vmware://<vm uuid>}). A VM that is off (or that the user lets
 * us shut down) is read through an NFC export lease; a VM that stays on through a snapshot and the datastore's
 * HTTPS. Whatever prepare opened, release closes, from the handle alone; and a VM that prepare shut down is powered
 * on again when the migration did not succeed, so the source is left as it was found.
 * <p>
 * prepare and release block on vCenter (a guest may take minutes to shut down), so they run on worker threads and
 * answer through their completions.
 */
public class VmwareMigrationSource implements MigrationSource, Component {
    private static final Logger logger = LoggerFactory.getLogger(VmwareMigrationSource.class);

    public static final String SCHEME = "vmware";
    /** vSphere's export leases time out after 5 minutes without progress; pinging far more often costs little. */
    static final long LEASE_KEEP_ALIVE_SECONDS = 30;
    /** vCenter ends sessions idle for 30 minutes (its default); a ping every few minutes keeps a reading session. */
    static final long SESSION_KEEP_ALIVE_SECONDS = 120;
    static final long POWER_ON_TIMEOUT_SECONDS = 600;

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private VCenterConnectionPool pool;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private EncryptionFacade encryption;

    private final SourceVmFinder finder = new SourceVmFinder();
    private VimCalls calls;
    private GracefulShutdown shutdown;
    private NfcExport nfc;
    private SnapshotRead snapshots;
    private KeepAliveTimers timers;
    private DatastoreReadSessions sessions;

    @Override
    public boolean start() {
        calls = new VimCalls(pool);
        shutdown = new GracefulShutdown(calls);
        nfc = new NfcExport(calls);
        snapshots = new SnapshotRead(calls);
        timers = new KeepAliveTimers(thdf);
        sessions = new DatastoreReadSessions(encryption);
        return true;
    }

    @Override
    public boolean stop() {
        // leases and snapshots stay: the node that takes the jobs over releases them (a lease without pings times out)
        if (timers != null) {
            timers.stopAll();
        }
        if (sessions != null) {
            sessions.closeAll();
        }
        return true;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public void find(String ref, SourceAccess access, ReturnValueCompletion<SourceVm> completion) {
        // synced inventory: no call to the vCenter
        SourceVm vm;
        try {
            vm = finder.find(ref);
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
            return;
        }
        completion.success(vm);
    }

    /** Refuses at submission what {@link SourceDiskEligibility} refuses, from the synced records. */
    @Override
    public void checkMigratable(SourceVm vm, List<Integer> skippedDisks) {
        VCenterVmInstanceVO vo = finder.load(vm.uuid);
        Map<String, VCenterVolumeVO> records = new HashMap<>();
        Q.New(VCenterVolumeVO.class).eq("vmInstanceUuid", vo.getUuid()).list().forEach(v -> records.put(v.getUuid(), v));
        ErrorCode refusal = SourceDiskEligibility.refusal(vo, vm.disks, records, skippedDisks);
        if (refusal != null) {
            throw new OperationFailureException(refusal);
        }
    }

    @Override
    public void prepare(SourceVm vm, PrepareSpec spec, SourceAccess access, ReturnValueCompletion<PreparedSource> completion) {
        thdf.submit(() -> {
            PreparedSource prepared;
            try {
                prepared = prepareNow(vm, spec);
            } catch (OperationFailureException e) {
                completion.fail(e.getErrorCode());
                return;
            } catch (RuntimeException e) {
                logger.warn(String.format("preparing VM %s for its migration failed", vm.name), e);
                completion.fail(inerr("preparing VM %s for its migration failed: %s", vm.name, e));
                return;
            }
            completion.success(prepared);
        });
    }

    @Override
    public void release(PreparedSource prepared, boolean migrationSucceeded, SourceAccess access, Completion completion) {
        thdf.submit(() -> {
            try {
                releaseNow(prepared, migrationSucceeded);
            } catch (RuntimeException e) {
                logger.warn(String.format("releasing the source of VM %s failed", prepared.vmUuid), e);
            } finally {
                completion.success();
            }
        });
    }

    PreparedSource prepareNow(SourceVm vm, PrepareSpec spec) {
        VCenterVmInstanceVO vo = finder.load(vm.uuid);
        VCenterVO vc = dbf.findByUuid(vo.getVCenterUuid(), VCenterVO.class);
        if (vc == null) {
            throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND, "the vCenter of VM %s is deleted", vo.getName()));
        }
        if (vc.getState() == VCenterState.Disabled) {
            throw new OperationFailureException(err(VCenterErrors.VCENTER_DISABLED,
                    "vCenter[uuid:%s, name:%s] is Disabled; enable it to migrate its VM %s", vc.getUuid(), vc.getName(), vo.getName()));
        }
        String vcUuid = vc.getUuid();
        String morval = vo.getMorval();
        String name = vo.getName();
        PreparedSource p = new PreparedSource();
        p.scheme = SCHEME;
        p.vmUuid = vo.getUuid();
        p.handle.put(SourceHandle.VCENTER_UUID, vcUuid);
        p.handle.put(SourceHandle.VM, morval);
        p.handle.put(SourceHandle.VM_NAME, name);

        LiveVm live = readLive(vcUuid, morval, name);
        try {
            boolean on = LiveVm.POWERED_ON.equals(live.powerState());
            if (spec.powerOff && LiveVm.SUSPENDED.equals(live.powerState())) {
                throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                        "VM %s is suspended and cannot be shut down gracefully; resume it or power it off in vSphere, or migrate it online", name));
            }
            if (spec.powerOff && on) {
                shutdown.run(vcUuid, morval, name, spec.shutdownTimeoutSeconds);
                p.poweredOffByUs = true;
            }
            if (spec.powerOff || LiveVm.POWERED_OFF.equals(live.powerState())) {
                readCold(p, vc, vo, vm, live);
            } else {
                readThroughSnapshot(p, vc, vo, vm, live, spec);
                p.readPath = PreparedSource.READ_SNAPSHOT_DATASTORE;
                p.readPathReason = "the VM stays on: a snapshot's base files over the vCenter's datastore HTTPS"
                        + (live.changeTrackingEnabled() ? ", only their allocated areas (changed block tracking)" : "");
            }
        } catch (RuntimeException e) {
            // leave the VM as it was found: close what was opened, power it on if we shut it down
            releaseNow(p, false);
            throw e;
        }
        logger.info("VM {} [{}] of vCenter {} is readable: {} disk(s) through {} {} ({})", name, morval, vc.getName(), p.disks.size(),
                p.readPath, SourceHandle.lease(p) != null ? SourceHandle.lease(p) : SourceHandle.snapshot(p) != null
                        ? SourceHandle.snapshot(p) : "", p.readPathReason);
        return p;
    }

    private LiveVm readLive(String vcUuid, String morval, String name) {
        LiveVm live = calls.call(vcUuid, VmwareSourceErrors.DISKS_NOT_READABLE, String.format("reading VM %s", name),
                c -> LiveVm.read(c.getServiceInstance(), morval));
        if (live == null) {
            throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND,
                    "VM %s [%s] is no longer in its vCenter; sync the vCenter", name, morval));
        }
        return live;
    }

    /**
     * A VM that is off: through the export lease (what ESXi streams), or its flat files over the datastore HTTPS when
     * v2v.vmware.coldReadPath says so and every disk is one flat file.
     */
    private void readCold(PreparedSource p, VCenterVO vc, VCenterVmInstanceVO vo, SourceVm vm, LiveVm live) {
        String state = p.poweredOffByUs ? "the VM was shut down for the migration" : "the VM is off";
        String reason;
        if (VCenterGlobalConfig.COLD_READ_DATASTORE.equals(VCenterGlobalConfig.COLD_READ_PATH.value())) {
            String notFlat = DatastoreDiskReads.whyNotFlat(live);
            if (notFlat == null) {
                readThroughDatastore(p, vc, vo, vm, live);
                p.readPath = PreparedSource.READ_DATASTORE;
                p.readPathReason = state + "; v2v.vmware.coldReadPath=datastore: its flat disk files over the vCenter's"
                        + " datastore HTTPS with Range";
                return;
            }
            reason = state + "; v2v.vmware.coldReadPath=datastore, but " + notFlat
                    + ", which only the export lease assembles: read through the export lease";
        } else {
            reason = state + "; v2v.vmware.coldReadPath=export (the default): an NFC export lease, each disk streamed as"
                    + " ESXi serves it";
        }
        readThroughExport(p, vc, vm, live);
        p.readPath = PreparedSource.READ_NFC_EXPORT;
        p.readPathReason = reason;
    }

    /** The disks' own files, no snapshot: the VM is off, so they do not change while they are read. */
    private void readThroughDatastore(PreparedSource p, VCenterVO vc, VCenterVmInstanceVO vo, SourceVm vm, LiveVm live) {
        String vcUuid = vc.getUuid();
        String key = SourceHandle.openKey(vcUuid, SourceHandle.vm(p));
        p.handle.put(SourceHandle.DATASTORE_SESSION, key);
        String cookie = openReadingSession(key, vc);
        p.disks.addAll(DatastoreDiskReads.diskReads(vc, live, vm, datacenterPath(vc, vo, p), cookie));
    }

    private String openReadingSession(String key, VCenterVO vc) {
        String cookie = sessions.open(key, vc);
        timers.start(key, SESSION_KEEP_ALIVE_SECONDS, () -> sessions.ping(key));
        return cookie;
    }

    /** The datacenter's inventory path, which the datastore HTTPS wants; from vCenter, or the synced name. */
    private String datacenterPath(VCenterVO vc, VCenterVmInstanceVO vo, PreparedSource p) {
        String name = SourceHandle.vmName(p);
        String morval = SourceHandle.vm(p);
        String dcPath = calls.call(vc.getUuid(), VmwareSourceErrors.DISKS_NOT_READABLE, String.format("finding the datacenter of VM %s", name),
                c -> DatacenterPath.of(c.getServiceInstance(), morval));
        if (dcPath == null) {
            VCenterDatacenterVO dc = vo.getDatacenterUuid() == null ? null : dbf.findByUuid(vo.getDatacenterUuid(), VCenterDatacenterVO.class);
            if (dc == null) {
                throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE, "cannot tell the datacenter of VM %s", name));
            }
            dcPath = dc.getName();
        }
        return dcPath;
    }

    private void readThroughExport(PreparedSource p, VCenterVO vc, SourceVm vm, LiveVm live) {
        String vcUuid = vc.getUuid();
        String name = SourceHandle.vmName(p);
        String lease = nfc.open(vcUuid, SourceHandle.vm(p), name);
        p.handle.put(SourceHandle.LEASE, lease);
        HttpNfcLeaseInfo info = nfc.awaitReady(vcUuid, lease, name);
        p.disks.addAll(ExportDeviceUrls.diskReads(info.getDeviceUrl(), live, vm, VCenterAddress.authority(vc), vc.getThumbprint()));
        timers.start(SourceHandle.openKey(vcUuid, lease), leaseKeepAliveSeconds(info.getLeaseTimeout()),
                () -> nfc.keepAlive(vcUuid, lease, name));
    }

    /** Every LEASE_KEEP_ALIVE_SECONDS, or a third of the lease's timeout when that is shorter. */
    static long leaseKeepAliveSeconds(int leaseTimeoutSeconds) {
        if (leaseTimeoutSeconds <= 0) {
            return LEASE_KEEP_ALIVE_SECONDS;
        }
        return Math.max(1, Math.min(LEASE_KEEP_ALIVE_SECONDS, leaseTimeoutSeconds / 3));
    }

    private void readThroughSnapshot(PreparedSource p, VCenterVO vc, VCenterVmInstanceVO vo, SourceVm vm, LiveVm live, PrepareSpec spec) {
        String vcUuid = vc.getUuid();
        String morval = SourceHandle.vm(p);
        String name = SourceHandle.vmName(p);
        SnapshotRead.checkReadable(live, name);
        String snapshot = snapshots.create(vcUuid, morval, name, spec.jobUuid);
        p.handle.put(SourceHandle.SNAPSHOT, snapshot);
        LiveVm after = readLive(vcUuid, morval, name);
        String cookie = openReadingSession(SourceHandle.openKey(vcUuid, snapshot), vc);
        var reads = DatastoreDiskReads.diskReads(vc, after, vm, datacenterPath(vc, vo, p), cookie);
        if (after.changeTrackingEnabled()) {
            snapshots.addAllocatedAreas(vcUuid, morval, name, snapshot, reads, vm);
        }
        p.disks.addAll(reads);
    }

    /** Closes what prepare opened; each step on its own, so one failing does not leave the others open. */
    void releaseNow(PreparedSource p, boolean succeeded) {
        String vcUuid = SourceHandle.vCenterUuid(p);
        String name = SourceHandle.vmName(p);
        if (vcUuid == null) {
            logger.warn("the prepared source of VM {} names no vCenter; nothing to release", p.vmUuid);
            return;
        }
        String lease = SourceHandle.lease(p);
        if (lease != null) {
            timers.stop(SourceHandle.openKey(vcUuid, lease));
            try {
                nfc.close(vcUuid, lease, name, succeeded);
            } catch (RuntimeException e) {
                logger.warn("cannot close the export lease {} of VM {} (it times out in vCenter): {}", lease, name, details(e));
            }
        }
        String snapshot = SourceHandle.snapshot(p);
        if (snapshot != null) {
            String key = SourceHandle.openKey(vcUuid, snapshot);
            timers.stop(key);
            sessions.close(key);
            try {
                snapshots.remove(vcUuid, snapshot, name);
            } catch (RuntimeException e) {
                logger.warn("cannot remove the snapshot {} of VM {}; remove it in vSphere: {}", snapshot, name, details(e));
            }
        }
        String session = SourceHandle.datastoreSession(p);
        if (session != null) {
            timers.stop(session);
            sessions.close(session);
        }
        if (!succeeded && p.poweredOffByUs) {
            try {
                powerOn(vcUuid, SourceHandle.vm(p), name);
            } catch (RuntimeException e) {
                logger.warn("cannot power VM {} on again after its failed migration; power it on in vSphere: {}", name, details(e));
            }
        }
        if (lease != null || snapshot != null || session != null || p.poweredOffByUs) {
            logger.info("released the source of VM {} ({})", name, succeeded ? "migrated" : "not migrated");
        }
    }

    private void powerOn(String vcUuid, String morval, String name) {
        String what = String.format("powering VM %s on again", name);
        String task = calls.call(vcUuid, VmwareSourceErrors.POWER_ON_FAILED, what,
                c -> new VirtualMachine(VimCalls.connection(c), VimCalls.mor("VirtualMachine", morval)).powerOnVM_Task(null).getMOR().getVal());
        calls.awaitTask(vcUuid, VmwareSourceErrors.POWER_ON_FAILED, what, task, POWER_ON_TIMEOUT_SECONDS);
        logger.info("powered VM {} [{}] on again", name, morval);
    }

    private static String details(RuntimeException e) {
        return e instanceof OperationFailureException o ? o.getErrorCode().getDetails() : e.toString();
    }
}
