package org.zstack.v2v.flow;

import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.core.db.Q;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.network.l3.IpRangeVO;
import org.zstack.header.network.l3.IpRangeVO_;
import org.zstack.header.network.l3.UsedIpInventory;
import org.zstack.header.network.l3.UsedIpVO;
import org.zstack.header.network.l3.UsedIpVO_;
import org.zstack.header.storage.primary.PrimaryStorageBackend;
import org.zstack.header.vm.VmInstanceConstant;
import org.zstack.header.vm.VmInstanceState;
import org.zstack.header.vm.VmInstanceVO;
import org.zstack.header.vm.VmNicVO;
import org.zstack.header.vm.VmNicVO_;
import org.zstack.header.volume.VolumeState;
import org.zstack.header.volume.VolumeStatus;
import org.zstack.header.volume.VolumeType;
import org.zstack.header.volume.VolumeVO;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.List;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Target, part one: the VM instance (Creating), its volumes (Creating, with the install paths deliver will fill)
 * and NICs, and their IPs. Before convert, because the guest is configured with these IPs. Rollback removes every
 * record and gives the IPs back.
 */
public class CreateTargetVmRecordsFlow implements Flow {
    private final MigrationContext ctx;

    public CreateTargetVmRecordsFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        V2VJobSpec spec = ctx.spec;
        try {
            removeLeftOfAnEarlierRun();
            VmInstanceVO vm = new VmInstanceVO();
            vm.setUuid(spec.targetVmUuid);
            vm.setName(spec.name);
            vm.setDescription(spec.description);
            vm.setZoneUuid(spec.zoneUuid);
            vm.setClusterUuid(spec.clusterUuid);
            vm.setHostUuid(spec.hostUuid);
            vm.setHypervisorType(VmInstanceConstant.KVM_HYPERVISOR_TYPE);
            vm.setType(VmInstanceConstant.USER_VM_TYPE);
            vm.setState(VmInstanceState.Creating);
            vm.setPlatform(spec.platform);
            vm.setGuestOsType(spec.sourceVm.guestOsType);
            vm.setCpuNum(spec.cpuNum);
            vm.setMemorySize(spec.memorySize);
            vm.setArchitecture("x86_64");
            PrimaryStorageBackend storage = ctx.storage();
            for (int i = 0; i < ctx.disks.size(); i++) {
                String uuid = Platform.getUuid();
                ctx.volumeUuids.add(uuid);
                ctx.installPaths.add(storage.volumeInstallPath(ctx.primaryStorage, uuid, i == 0));
            }
            vm.setRootVolumeUuid(ctx.volumeUuids.get(0));
            ctx.services.dbf.persist(vm);
            for (int i = 0; i < ctx.disks.size(); i++) {
                SourceVm.Disk d = ctx.disks.get(i);
                VolumeVO v = new VolumeVO();
                v.setUuid(ctx.volumeUuids.get(i));
                v.setName(i == 0 ? "ROOT-for-" + spec.name : "DATA-" + i + "-for-" + spec.name);
                v.setDescription("migrated from disk " + d.name + " of " + spec.sourceUrl);
                v.setVmInstanceUuid(vm.getUuid());
                v.setPrimaryStorageUuid(spec.primaryStorageUuid);
                v.setInstallPath(ctx.installPaths.get(i));
                v.setType(i == 0 ? VolumeType.Root : VolumeType.Data);
                v.setFormat("qcow2");
                v.setSize(d.capacity);
                v.setDeviceId(i);
                v.setState(VolumeState.Enabled);
                v.setStatus(VolumeStatus.Creating);
                ctx.services.dbf.persist(v);
            }
            for (int i = 0; i < spec.nics.size(); i++) {
                V2VJobSpec.NicPlan n = spec.nics.get(i);
                VmNicVO nic = new VmNicVO();
                nic.setUuid(Platform.getUuid());
                nic.setVmInstanceUuid(vm.getUuid());
                nic.setL3NetworkUuid(n.l3NetworkUuid);
                nic.setMac(n.mac);
                nic.setDeviceId(i);
                nic.setDriverType("virtio");
                nic.setHypervisorType(VmInstanceConstant.KVM_HYPERVISOR_TYPE);
                ctx.services.dbf.persist(nic);
                boolean hasRanges = Q.New(IpRangeVO.class).eq(IpRangeVO_.l3NetworkUuid, n.l3NetworkUuid).isExists();
                UsedIpInventory ip = hasRanges || n.ip != null
                        ? ctx.services.ipAllocator.allocate(n.l3NetworkUuid, n.ip, nic.getUuid()) : null;
                if (ip != null) {
                    // ZStack's NIC carries its address too: QueryVmNic ip=... and the VM inventory show it
                    nic.setIp(ip.getIp());
                    nic.setNetmask(ip.getNetmask());
                    nic.setGateway(ip.getGateway());
                    ctx.services.dbf.update(nic);
                }
                ctx.ips.add(ip);
            }
            ctx.services.updateJob(ctx.jobUuid(), j -> j.setTargetHostUuid(spec.hostUuid));
            trigger.next();
        } catch (OperationFailureException e) {
            trigger.fail(err(V2VErrors.TARGET_FAILED, e.getErrorCode(), "cannot create the records of VM %s", spec.name));
        }
    }

    /**
     * A run resumed after its node died (taken over, or after a restart) finds the records the dead run made, under the
     * job's fixed target VM uuid, and nothing to roll them back: they go (IPs given back) before this run makes its own.
     */
    private void removeLeftOfAnEarlierRun() {
        String vmUuid = ctx.spec.targetVmUuid;
        if (!ctx.resumed || !ctx.services.dbf.isExist(vmUuid, VmInstanceVO.class)) {
            return;
        }
        List<String> nics = Q.New(VmNicVO.class).eq(VmNicVO_.vmInstanceUuid, vmUuid).listValues(VmNicVO_.uuid);
        if (!nics.isEmpty()) {
            for (String ip : Q.New(UsedIpVO.class).in(UsedIpVO_.ownerUuid, nics).listValues(UsedIpVO_.uuid)) {
                ctx.services.ipAllocator.release(ip);
            }
        }
        ctx.services.dbf.removeByPrimaryKey(vmUuid, VmInstanceVO.class);
        LoggerFactory.getLogger(CreateTargetVmRecordsFlow.class).info(
                "job {}: removed the target VM records {} an earlier run of the job left", ctx.jobUuid(), vmUuid);
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        for (UsedIpInventory ip : ctx.ips) {
            if (ip != null) {
                ctx.services.ipAllocator.release(ip.getUuid());
            }
        }
        ctx.ips.clear();
        // NICs and volumes go with the VM (ON DELETE CASCADE)
        ctx.services.dbf.removeByPrimaryKey(ctx.spec.targetVmUuid, VmInstanceVO.class);
        trigger.rollback();
    }
}
