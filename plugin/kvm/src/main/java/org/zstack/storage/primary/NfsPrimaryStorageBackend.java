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

/** An NFS share every host mounts at the same path (ZStack's /opt/zstack/nfsprimarystorage/prim-<uuid>). */
public class NfsPrimaryStorageBackend implements PrimaryStorageBackend {
    public static final String MOUNT_ROOT = "/opt/zstack/nfsprimarystorage/prim-";

    @Autowired
    private KVMHostAgentCaller agent;

    @Override
    public String getType() {
        return PrimaryStorageConstant.NFS_TYPE;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    /** Under the mount point of the share, the same on every host. */
    @Override
    public String volumeInstallPath(PrimaryStorageVO ps, String volumeUuid, boolean rootVolume) {
        return FileVolumePaths.installPath(ps.getMountPath(), volumeUuid, rootVolume);
    }

    @Override
    public void connectHost(PrimaryStorageInventory ps, HostInventory host, ReturnValueCompletion<HostCapacity> completion) {
        KVMAgentCommands.NfsMountCmd cmd = new KVMAgentCommands.NfsMountCmd();
        cmd.url = ps.getUrl();
        cmd.mountPath = ps.getMountPath();
        agent.callWhileConnecting(host.getUuid(), KVMConstant.NFS_MOUNT_PATH, cmd, KVMAgentCommands.NfsMountRsp.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.NfsMountRsp rsp) {
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
        KVMAgentCommands.NfsUmountCmd cmd = new KVMAgentCommands.NfsUmountCmd();
        cmd.mountPath = ps.getMountPath();
        agent.callWhileConnecting(host.getUuid(), KVMConstant.NFS_UMOUNT_PATH, cmd, KVMAgentCommands.AgentResponse.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.AgentResponse rsp) {
                        completion.success();
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        completion.fail(errorCode);
                    }
                });
    }
}
