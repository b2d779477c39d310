package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zstack.v2v.migration.PlannerFixtures.*;

class SubmissionChecksTest {
    @Test
    void missingSettingsGetDefaults() {
        SourceVm vm = vm("web");
        vm.platform = "Windows";
        V2VJobSpec spec = spec(vm);
        SubmissionChecks.settings(spec, "VM web");
        assertEquals("Windows", spec.platform);
        assertEquals("InstantStart", spec.strategy);
        V2VJobSpec noPlatform = spec(vm("db"));
        SubmissionChecks.settings(noPlatform, "VM db");
        assertEquals("Linux", noPlatform.platform);
    }

    @Test
    void aNameHasAtMost255Characters() {
        V2VJobSpec spec = spec(vm("web"));
        spec.name = "n".repeat(256);
        refused(INVALID, "VM web: name is longer than 255 characters", () -> SubmissionChecks.settings(spec, "VM web"));
        spec.name = "n".repeat(255);
        assertDoesNotThrow(() -> SubmissionChecks.settings(spec, "VM web"));
    }

    @Test
    void cpuNumIs1To1024() {
        for (int cpu : new int[]{0, 1025}) {
            V2VJobSpec spec = spec(vm("web"));
            spec.cpuNum = cpu;
            refused(INVALID, "VM web: cpuNum must be 1 to 1024, not " + cpu, () -> SubmissionChecks.settings(spec, "VM web"));
        }
    }

    @Test
    void memoryIsAtLeast16MiB() {
        V2VJobSpec spec = spec(vm("web"));
        spec.memorySize = (16L << 20) - 1;
        refused(INVALID, "VM web: memorySize must be at least 16 MiB, not 16777215 bytes", () -> SubmissionChecks.settings(spec, "VM web"));
        spec.memorySize = 16L << 20;
        assertDoesNotThrow(() -> SubmissionChecks.settings(spec, "VM web"));
    }

    @Test
    void aVmIsGivenOnce() {
        SubmissionChecks checks = new SubmissionChecks();
        SourceVm vm = vm("web");
        checks.sourceVm(spec(vm), "VM web");
        checks.sourceVm(spec(vm("db")), "VM db");
        refused(INVALID, "VM web is given twice", () -> checks.sourceVm(spec(vm), "VM web"));
        // a new submission has seen nothing
        assertDoesNotThrow(() -> new SubmissionChecks().sourceVm(spec(vm), "VM web"));
    }

    @Test
    void aColdOnlyVmIsNotLeftRunning() {
        SourceVm vm = vm("kvm-1");
        vm.coldOnly = true;
        vm.powerState = "Running";
        refused(INVALID, "VM kvm-1 is running: it is migrated cold; shut it off first, or set pauseVm",
                () -> new SubmissionChecks().sourceVm(spec(vm), "VM kvm-1"));
        V2VJobSpec paused = spec(vm);
        paused.pauseVm = true;
        assertDoesNotThrow(() -> new SubmissionChecks().sourceVm(paused, "VM kvm-1"));
        // VMware copies a running VM through a snapshot
        SourceVm vmware = vm("vc-1");
        vmware.powerState = "Running";
        assertDoesNotThrow(() -> new SubmissionChecks().sourceVm(spec(vmware), "VM vc-1"));
    }

    @Test
    void aVmBeingMigratedIsRefused() {
        SourceVm vm = vm("web");
        refused("V2V.1006", "VM web (uuid:uuid-web) is already being migrated",
                () -> SubmissionChecks.notBeingMigrated(vm, List.of("job-1"), "VM web"));
        assertDoesNotThrow(() -> SubmissionChecks.notBeingMigrated(vm, List.of(), "VM web"));
    }

    @Test
    void skippedDisksAreDataDisksOfTheVm() {
        SourceVm vm = vm("web");
        assertEquals(2, SubmissionChecks.diskIndex(vm, " 2 ", "volumeFilters"));
        for (String bad : new String[]{"0", "3", "-1", "two"}) {
            refused(INVALID, "VM web: skipDataDisks names disk " + bad + ", but the VM's data disks are 1 to 2"
                    + " (the root disk 0 is always migrated)", () -> SubmissionChecks.diskIndex(vm, bad, "skipDataDisks"));
        }
    }
}
