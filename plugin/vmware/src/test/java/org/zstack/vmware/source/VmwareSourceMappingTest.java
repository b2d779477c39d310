package org.zstack.vmware.source;

import com.vmware.vim25.*;
import org.junit.jupiter.api.Test;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterVolumeVO;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The pure parts of the VMware source: guest ids, disk order, export URL keys and addresses, datastore URLs. */
class VmwareSourceMappingTest {
    @Test
    void guestIdsBecomeZStackPlatforms() {
        assertEquals("WindowsVirtio", GuestPlatform.of("windows9Server64Guest"));
        assertEquals("Windows", GuestPlatform.of("winNetEnterpriseGuest"));
        assertEquals("Linux", GuestPlatform.of("debian10_64Guest"));
        assertEquals("Linux", GuestPlatform.of("rhel7_64Guest"));
        assertEquals("Linux", GuestPlatform.of("other4xLinux64Guest"));
        assertEquals("Linux", GuestPlatform.of("vmwarePhoton64Guest"));
        assertEquals("Other", GuestPlatform.of("otherGuest64"));
        assertEquals("Other", GuestPlatform.of("freebsd12_64Guest"));
        assertEquals("Other", GuestPlatform.of("solaris11_64Guest"));
        assertEquals("Other", GuestPlatform.of(null));
        assertEquals("UEFI", GuestPlatform.bootMode("efi"));
        assertEquals("BIOS", GuestPlatform.bootMode("bios"));
        assertEquals("BIOS", GuestPlatform.bootMode(null));
    }

    private static VCenterVolumeVO volume(int key, Integer controller, Integer unit) {
        VCenterVolumeVO v = new VCenterVolumeVO();
        v.setDeviceKey(key);
        v.setControllerKey(controller);
        v.setUnitNumber(unit);
        return v;
    }

    @Test
    void theBootDiskComesFirstElseTheFirstOnTheFirstController() {
        List<VCenterVolumeVO> disks = List.of(volume(2016, 1001, 0), volume(2001, 1000, 1), volume(2000, 1000, 0), volume(3000, 200, 0));
        assertEquals(List.of(3000, 2000, 2001, 2016), SourceDiskOrder.order(disks, null).stream().map(VCenterVolumeVO::getDeviceKey).toList());
        assertEquals(List.of(2016, 3000, 2000, 2001), SourceDiskOrder.order(disks, 2016).stream().map(VCenterVolumeVO::getDeviceKey).toList());
    }

    @Test
    void exportKeysNameTheControllerBusAndUnit() {
        assertEquals(new ExportDeviceUrls.Slot("ParaVirtualSCSIController", 0, 1), ExportDeviceUrls.Slot.of("/vm-42/ParaVirtualSCSIController0:1"));
        assertEquals(new ExportDeviceUrls.Slot("VirtualIDEController", 1, 0), ExportDeviceUrls.Slot.of("/vm-7/VirtualIDEController1:0"));
        assertEquals(new ExportDeviceUrls.Slot("VirtualLsiLogicController", 12, 15), ExportDeviceUrls.Slot.of("/vm-7/VirtualLsiLogicController12:15"));
        assertNull(ExportDeviceUrls.Slot.of("/vm-7/nvram"));
        assertNull(ExportDeviceUrls.Slot.of(null));
    }

    @Test
    void aStarHostIsTheVCentersAddress() {
        assertEquals("https://vc.lab:8443/nfc/52a/disk-0.vmdk", ExportDeviceUrls.withHost("https://*/nfc/52a/disk-0.vmdk", "vc.lab:8443"));
        assertEquals("https://vc.lab:443/nfc/52a/disk-0.vmdk", ExportDeviceUrls.withHost("https://*:443/nfc/52a/disk-0.vmdk", "vc.lab:8443"));
        assertEquals("https://[fd00::1]:902/nfc/x", ExportDeviceUrls.withHost("https://*:902/nfc/x", "[fd00::1]:8443"));
        assertEquals("https://esx-1:443/nfc/x", ExportDeviceUrls.withHost("https://esx-1:443/nfc/x", "vc.lab"));
    }

    private static ParaVirtualSCSIController pvscsi(int key, int bus) {
        ParaVirtualSCSIController c = new ParaVirtualSCSIController();
        c.setKey(key);
        c.setBusNumber(bus);
        return c;
    }

    private static VirtualDisk disk(int key, int controller, int unit, long capacity) {
        VirtualDisk d = new VirtualDisk();
        d.setKey(key);
        d.setControllerKey(controller);
        d.setUnitNumber(unit);
        d.setCapacityInBytes(capacity);
        d.setCapacityInKB(capacity / 1024);
        return d;
    }

    private static HttpNfcLeaseDeviceUrl url(String key, String url) {
        HttpNfcLeaseDeviceUrl u = new HttpNfcLeaseDeviceUrl();
        u.setKey(key);
        u.setUrl(url);
        u.setDisk(true);
        return u;
    }

    @Test
    void exportUrlsAreMatchedToDisksByTheirPlace() {
        LiveVm live = new LiveVm("vm-9", "web", "poweredOff", false, new VirtualDevice[]{
                pvscsi(1000, 0), pvscsi(1001, 1), disk(2000, 1000, 0, 8 << 20), disk(2016, 1001, 0, 4 << 20)});
        SourceVm vm = new SourceVm();
        vm.name = "web";
        for (String[] d : new String[][]{{"0", "2000"}, {"1", "2016"}}) {
            SourceVm.Disk sd = new SourceVm.Disk();
            sd.index = Integer.parseInt(d[0]);
            sd.deviceKey = d[1];
            sd.name = "Hard disk " + d[0];
            vm.disks.add(sd);
        }
        // listed in another order than the disks: the key decides
        HttpNfcLeaseDeviceUrl[] urls = {url("/vm-9/ParaVirtualSCSIController1:0", "https://*/nfc/l/disk-1.vmdk"),
                url("/vm-9/ParaVirtualSCSIController0:0", "https://*/nfc/l/disk-0.vmdk")};
        urls[0].setSslThumbprint("AA:BB");
        List<PreparedSource.DiskRead> reads = ExportDeviceUrls.diskReads(urls, live, vm, "vc:8443", "CC:DD");
        assertEquals(2, reads.size());
        assertEquals(0, reads.get(0).index);
        assertEquals("https://vc:8443/nfc/l/disk-0.vmdk", reads.get(0).url);
        assertEquals("CC:DD", reads.get(0).sslThumbprint, "the vCenter's thumbprint when the lease names none");
        assertEquals(8 << 20, reads.get(0).capacity);
        assertEquals(1, reads.get(1).index);
        assertEquals("AA:BB", reads.get(1).sslThumbprint);
        assertNull(reads.get(1).extents);

        // a disk added since the sync is an error, not a guess
        SourceVm.Disk gone = vm.disks.remove(1);
        OperationFailureException e = assertThrows(OperationFailureException.class,
                () -> ExportDeviceUrls.diskReads(urls, live, vm, "vc", null));
        assertEquals("VCENTER.1102", e.getErrorCode().getCode());
        assertTrue(e.getErrorCode().getDetails().contains("2016"), e.getErrorCode().getDetails());
        vm.disks.add(gone);
        assertThrows(OperationFailureException.class, () -> ExportDeviceUrls.diskReads(new HttpNfcLeaseDeviceUrl[]{urls[1]}, live, vm, "vc", null));
    }

    @Test
    void datastoreFilesAreReadThroughTheirFlatExtent() {
        DatastoreFile f = DatastoreFile.parse("[DC0 DS0] web 01/web 01.vmdk");
        assertEquals("DC0 DS0", f.datastore());
        assertEquals("web 01/web 01-flat.vmdk", f.flatExtent().path());
        assertEquals("https://vc:8443/folder/web%2001/web%2001-flat.vmdk?dcPath=Europe%2FDC0&dsName=DC0%20DS0",
                f.flatExtent().url("vc:8443", "Europe/DC0"));
        assertNull(DatastoreFile.parse("/vmfs/volumes/x.vmdk"));
    }

    @Test
    void leasesArePingedOftenEnough() {
        assertEquals(30, VmwareMigrationSource.leaseKeepAliveSeconds(300));
        assertEquals(30, VmwareMigrationSource.leaseKeepAliveSeconds(0));
        assertEquals(2, VmwareMigrationSource.leaseKeepAliveSeconds(6));
        assertEquals(1, VmwareMigrationSource.leaseKeepAliveSeconds(2));
    }

    private static VirtualDisk flatDisk(int key, String label, String file, VirtualDiskFlatVer2BackingInfo parent) {
        VirtualDisk d = disk(key, 1000, key - 2000, 8 << 20);
        Description info = new Description();
        info.setLabel(label);
        d.setDeviceInfo(info);
        VirtualDiskFlatVer2BackingInfo b = new VirtualDiskFlatVer2BackingInfo();
        b.setFileName(file);
        b.setParent(parent);
        d.setBacking(b);
        return d;
    }

    @Test
    void onlyFlatDisksWithoutSnapshotsAreReadOverTheDatastore() {
        VirtualDisk root = flatDisk(2000, "Hard disk 1", "[DS0] web/web.vmdk", null);
        LiveVm flat = new LiveVm("vm-9", "web", "poweredOff", false, new VirtualDevice[]{pvscsi(1000, 0), root});
        assertNull(DatastoreDiskReads.whyNotFlat(flat));

        // after a user's snapshot the disk is a delta whose parent holds the older content: a chain, not one file
        VirtualDiskFlatVer2BackingInfo base = new VirtualDiskFlatVer2BackingInfo();
        base.setFileName("[DS0] web/web.vmdk");
        VirtualDisk delta = flatDisk(2001, "Hard disk 2", "[DS0] web/web-000001.vmdk", base);
        LiveVm chained = new LiveVm("vm-9", "web", "poweredOff", false, new VirtualDevice[]{pvscsi(1000, 0), root, delta});
        assertEquals("Hard disk 2 has snapshots", DatastoreDiskReads.whyNotFlat(chained));
        OperationFailureException online = assertThrows(OperationFailureException.class,
                () -> SnapshotRead.checkReadable(chained, "web"));
        assertTrue(online.getErrorCode().getDetails().contains("Hard disk 2 has snapshots of VM web"),
                online.getErrorCode().getDetails());
        assertTrue(online.getErrorCode().getDetails().endsWith("or delete its snapshots first"));

        VirtualDisk sparse = disk(2002, 1000, 2, 8 << 20);
        sparse.setBacking(new VirtualDiskSparseVer2BackingInfo());
        LiveVm notFlat = new LiveVm("vm-9", "web", "poweredOff", false, new VirtualDevice[]{pvscsi(1000, 0), root, sparse});
        assertEquals("disk 2002 is a VirtualDiskSparseVer2BackingInfo disk", DatastoreDiskReads.whyNotFlat(notFlat));
    }

    @Test
    void aFlatDiskOfAnOffVmIsReadFromItsOwnFile() {
        VirtualDisk root = flatDisk(2000, "Hard disk 1", "[DS 0] web 01/web 01.vmdk", null);
        LiveVm live = new LiveVm("vm-9", "web", "poweredOff", false, new VirtualDevice[]{pvscsi(1000, 0), root});
        SourceVm vm = new SourceVm();
        vm.name = "web";
        SourceVm.Disk sd = new SourceVm.Disk();
        sd.index = 0;
        sd.deviceKey = "2000";
        sd.name = "Hard disk 1";
        vm.disks.add(sd);
        org.zstack.vmware.VCenterVO vc = new org.zstack.vmware.VCenterVO();
        vc.setDomainName("vc.lab");
        vc.setPort(443);
        vc.setHttps(true);
        vc.setThumbprint("AA:BB");
        List<PreparedSource.DiskRead> reads = DatastoreDiskReads.diskReads(vc, live, vm, "DC 0", "vmware_soap_session=s");
        assertEquals(1, reads.size());
        assertEquals("https://" + VCenterAddress.authority(vc) + "/folder/web%2001/web%2001-flat.vmdk?dcPath=DC%200&dsName=DS%200",
                reads.get(0).url);
        assertEquals("vmware_soap_session=s", reads.get(0).headers.get("Cookie"));
        assertEquals("AA:BB", reads.get(0).sslThumbprint);
        assertEquals(8 << 20, reads.get(0).capacity);
    }
}
