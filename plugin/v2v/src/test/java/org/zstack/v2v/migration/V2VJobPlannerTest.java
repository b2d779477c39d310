package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.APICreateV2VTaskMsg;
import org.zstack.v2v.V2VVmSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zstack.v2v.migration.PlannerFixtures.INVALID;
import static org.zstack.v2v.migration.PlannerFixtures.refused;

/** What the planner refuses before it looks a source VM up: the request's size and its VM references. */
class V2VJobPlannerTest {
    private static APICreateV2VTaskMsg task(String... sourceVmUuids) {
        List<V2VVmSpec> vms = new ArrayList<>();
        for (String uuid : sourceVmUuids) {
            V2VVmSpec v = new V2VVmSpec();
            v.setSourceVmUuid(uuid);
            vms.add(v);
        }
        APICreateV2VTaskMsg msg = new APICreateV2VTaskMsg();
        msg.setVms(vms);
        return msg;
    }

    @Test
    void aTaskMigratesAtMost50Vms() {
        String[] uuids = new String[V2VJobPlanner.MAX_VMS_PER_TASK + 1];
        Arrays.setAll(uuids, i -> "vm-" + i);
        refused(INVALID, "at most 50 VMs, 51 were given", () -> V2VJobPlanner.sourceRefs(task(uuids)));
        assertEquals(50, V2VJobPlanner.sourceRefs(task(Arrays.copyOf(uuids, 50))).size());
    }

    @Test
    void everyVmNeedsItsSourceVm() {
        refused(INVALID, "every VM needs sourceVmUuid", () -> V2VJobPlanner.sourceRefs(task("a", " ")));
        APICreateV2VTaskMsg withNull = task("a");
        withNull.getVms().add(null);
        refused(INVALID, "every VM needs sourceVmUuid", () -> V2VJobPlanner.sourceRefs(withNull));
    }

    @Test
    void aUrlNamesItsPlatform() {
        for (String bad : new String[]{"no-scheme", "://vm", "vmware://", null}) {
            refused(INVALID, "is not <platform>://<vm>, e.g. vmware://", () -> V2VJobPlanner.SourceRef.parse(bad));
        }
        assertEquals(new V2VJobPlanner.SourceRef("kvm", "qemu+ssh://root@h/system#d"),
                V2VJobPlanner.SourceRef.parse("KVM://qemu+ssh://root@h/system#d"));
        // the wizard names VMware VMs by their bare uuid
        assertEquals("vmware://abc", V2VJobPlanner.SourceRef.of("abc").url());
        assertEquals(List.of("vmware://abc", "kvm://x"),
                V2VJobPlanner.sourceRefs(task("abc", "kvm://x")).stream().map(V2VJobPlanner.SourceRef::url).toList());
    }
}
