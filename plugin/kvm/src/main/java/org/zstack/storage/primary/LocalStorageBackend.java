package org.zstack.storage.primary;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.HostInventory;
import org.zstack.header.storage.primary.PrimaryStorageBackend;
import org.zstack.header.storage.primary.PrimaryStorageConstant;
import org.zstack.header.storage.primary.PrimaryStorageInventory;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.kvm.KVMAgentCommands;
import org.zstack.kvm.KVMConstant;
import org.zstack.kvm.KVMHostAgentCaller;

import static org.zstack.core.Platform.operr;

/** A directory on each host: created if missing, and it must be writable. */
public class LocalStorageBackend implements PrimaryStorageBackend {
    @Autowired
    private KVMHostAgentCaller agent;

    @Override
    public String getType() {
        return PrimaryStorageConstant.LOCAL_STORAGE_TYPE;
    }

    @Override
    public boolean isShared() {
        return false;
    }

    /** Under its directory on each host. */
    @Override
    public String volumeInstallPath(PrimaryStorageVO ps, String volumeUuid, boolean rootVolume) {
        return FileVolumePaths.installPath(ps.getUrl(), volumeUuid, rootVolume);
    }

    @Override
    public void connectHost(PrimaryStorageInventory ps, HostInventory host, ReturnValueCompletion<HostCapacity> completion) {
        KVMAgentCommands.StorageCapacityCmd cmd = new KVMAgentCommands.StorageCapacityCmd();
        cmd.path = ps.getUrl();
        cmd.create = true;
        agent.callWhileConnecting(host.getUuid(), KVMConstant.STORAGE_CAPACITY_PATH, cmd, KVMAgentCommands.StorageCapacityRsp.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.StorageCapacityRsp rsp) {
                        if (!Boolean.TRUE.equals(rsp.writable)) {
                            completion.fail(operr("directory %s of local primary storage[uuid:%s] is not writable on host[uuid:%s]",
                                    ps.getUrl(), ps.getUuid(), host.getUuid()));
                            return;
                        }
                        completion.success(new HostCapacity(rsp.totalCapacity, rsp.availableCapacity));
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        completion.fail(errorCode);
                    }
                });
    }

    @Override
    public void disconnectHost(PrimaryStorageInventory ps, HostInventory host, Completion completion) {
        // the disks stay where they are: detaching never deletes data
        completion.success();
    }
}
