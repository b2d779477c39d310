package org.zstack.vmware.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The guest id table: every family of the vSphere 6.5-8.0 API, and the generic ids decided by name. */
class GuestPlatformTest {
    @Test
    void windowsWithVirtioDriversFromVistaOn() {
        for (String id : List.of("winVista64Guest", "winLonghorn64Guest", "windows7_64Guest", "windows7Server64Guest",
                "windows8Server64Guest", "windows9_64Guest", "windows9Server64Guest", "windows2019srv_64Guest",
                "windows2019srvNext_64Guest", "windows2022srvNext_64Guest", "windows11_64Guest", "windows12_64Guest",
                "windowsHyperVGuest")) {
            assertEquals("WindowsVirtio", GuestPlatform.of(id), id);
        }
        // a Windows id newer than the table
        assertEquals("WindowsVirtio", GuestPlatform.of("windows2025srv_64Guest"));
    }

    @Test
    void olderWindowsKeepEmulatedDevices() {
        for (String id : List.of("win31Guest", "win98Guest", "winNTGuest", "win2000ServGuest", "winXPProGuest",
                "winXPPro64Guest", "winNetStandardGuest", "winNetEnterprise64Guest", "winNetDatacenter64Guest")) {
            assertEquals("Windows", GuestPlatform.of(id), id);
        }
    }

    @Test
    void everyLinuxFamilyIsLinux() {
        for (String id : List.of("rhel9_64Guest", "rhel5Guest", "centos8_64Guest", "centos9_64Guest",
                "oracleLinux9_64Guest", "rockylinux_64Guest", "almalinux_64Guest", "fedora64Guest", "asianux8_64Guest",
                "amazonlinux3_64Guest", "debian12_64Guest", "debian4Guest", "ubuntu64Guest", "sles15_64Guest",
                "sles16_64Guest", "opensuse64Guest", "suseGuest", "nld9Guest", "oesGuest", "mandriva64Guest",
                "turboLinux64Guest", "coreos64Guest", "vmwarePhoton64Guest", "crxPod1Guest", "genericLinuxGuest",
                "otherLinux64Guest", "other24xLinuxGuest", "other26xLinux64Guest", "other3xLinux64Guest",
                "other4xLinux64Guest", "other5xLinux64Guest", "other6xLinux64Guest",
                // newer than the table
                "rhel10_64Guest", "debian13_64Guest", "other7xLinux64Guest")) {
            assertEquals("Linux", GuestPlatform.of(id), id);
        }
    }

    @Test
    void systemsWithoutAConversionPathAreOther() {
        for (String id : List.of("otherGuest", "otherGuest64", "freebsd13_64Guest", "solaris11_64Guest", "darwin20_64Guest",
                "netware6Guest", "os2Guest", "dosGuest", "vmkernel8Guest", "unixWare7Guest", "openServer6Guest")) {
            assertEquals("Other", GuestPlatform.of(id), id);
        }
        assertEquals("Other", GuestPlatform.of(null));
        assertEquals("Other", GuestPlatform.of(" "));
    }

    @Test
    void theTableIsCaseInsensitiveAndHasNoIdTwice() {
        assertEquals("Linux", GuestPlatform.of("RHEL8_64GUEST"));
        // the class would not load with an id given twice
        assertTrue(GuestPlatform.TABLE.size() > 190, "table size " + GuestPlatform.TABLE.size());
    }

    @Test
    void genericIdsAreDecidedByTheGuestsNameOrTheAnnotation() {
        assertEquals("Linux", GuestPlatform.of("other4xLinux64Guest", "Kylin Linux Advanced Server V10 (Sword)", null));
        assertEquals("Linux", GuestPlatform.of("otherGuest64", "UOS Server 20", null));
        assertEquals("Linux", GuestPlatform.of("otherGuest64", "Other (64-bit)", "openEuler 22.03 LTS, app server"));
        assertEquals("Linux", GuestPlatform.of("otherGuest64", null, "NeoKylin 7"));
        assertEquals("Linux", GuestPlatform.of("otherGuest", "UnionTech OS Server 20", null));
        assertEquals("WindowsVirtio", GuestPlatform.of("otherGuest64", "Microsoft Windows Server 2016 (64-bit)", null));
        // vSphere's own name of the generic id says nothing
        assertEquals("Other", GuestPlatform.of("otherGuest64", "Other (64-bit)", null));
        // a word inside another word is no name
        assertEquals("Other", GuestPlatform.of("otherGuest64", "virtuoso appliance", "quokylinx"));
        // a specific id is not overridden by notes
        assertEquals("Linux", GuestPlatform.of("debian11_64Guest", "Debian GNU/Linux 11", "was Windows once"));
        assertEquals("Other", GuestPlatform.of("freebsd13_64Guest", "FreeBSD 13", "a Linux jail host"));
    }
}
