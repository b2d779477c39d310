package org.zstack.kvm;

public interface KVMConstant {
    String CONNECT_PATH = "/host/connect";
    String PING_PATH = "/host/ping";
    String FACTS_PATH = "/host/facts";
    String STORAGE_CAPACITY_PATH = "/host/storage/capacity";
    String NFS_MOUNT_PATH = "/host/nfs/mount";
    String NFS_UMOUNT_PATH = "/host/nfs/umount";
    String BRIDGE_CHECK_PATH = "/host/bridge/check";
    String TOOLS_CHECK_PATH = "/host/tools/check";
    String ROOTS_PATH = "/host/roots";
    String VM_START_PATH = "/vm/start";
    String VM_DESTROY_PATH = "/vm/destroy";
    String VM_STATE_PATH = "/vm/state";
    String AGENT_PLAYBOOK = "kvm-agent.yaml";
}
