package org.zstack.v2v.flow;

import org.junit.jupiter.api.Test;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.v2v.V2VAgentCommands;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A secret goes only to the command that uses it: the source's ssh key only to a transfer over ssh. */
class TransferDisksFlowTest {
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n-----END OPENSSH PRIVATE KEY-----";

    private static V2VAgentCommands.TransferDisk disk(String url) {
        V2VAgentCommands.TransferDisk d = new V2VAgentCommands.TransferDisk();
        d.url = url;
        d.capacity = 1 << 20;
        return d;
    }

    private static String json(List<V2VAgentCommands.TransferDisk> disks, String key) {
        V2VAgentCommands.TransferCmd cmd = new V2VAgentCommands.TransferCmd();
        cmd.jobUuid = "0123456789abcdef0123456789abcdef";
        cmd.disks = disks;
        cmd.sshPrivKey = TransferDisksFlow.sshKeyFor(disks, key);
        return JSONObjectUtil.toJsonString(cmd);
    }

    @Test
    void aVmwareTransferCommandCarriesNoKey() {
        String json = json(List.of(disk("https://esx.example/nfc/lease/disk-0.vmdk"),
                disk("https://vc.example/folder/vm/vm-flat.vmdk?dcPath=dc&dsName=ds")), KEY);
        assertFalse(json.contains("sshPrivKey"), json);
        assertFalse(json.contains("PRIVATE KEY"), json);
    }

    @Test
    void aKvmTransferCommandCarriesTheKeyItReadsWith() {
        String json = json(List.of(disk("ssh://root@10.0.0.5:22/var/lib/libvirt/images/a.qcow2?format=qcow2")), KEY);
        assertTrue(json.contains("\"sshPrivKey\""), json);
        assertNull(TransferDisksFlow.sshKeyFor(List.of(disk("SSH://h/x?format=raw")), null));
        assertEquals(KEY, TransferDisksFlow.sshKeyFor(List.of(disk("SSH://h/x?format=raw")), KEY));
    }
}
