package org.zstack.storage.primary;

import org.junit.jupiter.api.Test;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.storage.primary.PrimaryStorageBackend;
import org.zstack.header.storage.primary.PrimaryStorageVO;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What other plugins ask a primary storage instead of its type name: where a volume goes and who sees it. */
class PrimaryStorageBackendsTest {
    private final PrimaryStorageBackends backends = new PrimaryStorageBackends(
            List.of(new LocalStorageBackend(), new NfsPrimaryStorageBackend()));

    private static PrimaryStorageVO ps(String type, String url, String mountPath) {
        PrimaryStorageVO vo = new PrimaryStorageVO();
        vo.setUuid("0123456789abcdef0123456789abcdef");
        vo.setType(type);
        vo.setUrl(url);
        vo.setMountPath(mountPath);
        return vo;
    }

    @Test
    void aLocalVolumeIsUnderTheHostsDirectory() {
        PrimaryStorageBackend local = backends.get("LocalStorage");
        assertFalse(local.isShared());
        PrimaryStorageVO ps = ps("LocalStorage", "/zstack_ps/", "/zstack_ps");
        assertEquals("/zstack_ps/rootVolumes/vol-v1/v1.qcow2", local.volumeInstallPath(ps, "v1", true));
        assertEquals("/zstack_ps/dataVolumes/vol-v2/v2.qcow2", local.volumeInstallPath(ps, "v2", false));
    }

    @Test
    void anNfsVolumeIsUnderTheMountPointNotTheExport() {
        PrimaryStorageBackend nfs = backends.get("NFS");
        assertTrue(nfs.isShared());
        PrimaryStorageVO ps = ps("NFS", "10.0.0.2:/export/ps", NfsPrimaryStorageBackend.MOUNT_ROOT + "0123");
        assertEquals("/opt/zstack/nfsprimarystorage/prim-0123/dataVolumes/vol-v2/v2.qcow2", nfs.volumeInstallPath(ps, "v2", false));
    }

    @Test
    void aTypeWithoutBackendIsRefused() {
        OperationFailureException e = assertThrows(OperationFailureException.class, () -> backends.get("Ceph"));
        assertTrue(e.getErrorCode().getDetails().contains("no backend for primary storage type Ceph"));
    }
}
