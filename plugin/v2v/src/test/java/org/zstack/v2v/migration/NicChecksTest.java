package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.v2v.job.V2VJobSpec;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zstack.v2v.migration.PlannerFixtures.*;

/** l3-a and l3-b in the zone, l3-far in another; 52:54:00:00:00:09 is a NIC of l3-a already; 10.0.0.1 is its gateway. */
class NicChecksTest {
    private static final Map<String, L3NetworkVO> L3S = Map.of("l3-a", l3("l3-a", ZONE), "l3-b", l3("l3-b", ZONE),
            "l3-far", l3("l3-far", "zone-2"));

    private static final NicChecks.Networks NETWORKS = new NicChecks.Networks() {
        @Override
        public L3NetworkVO l3(String uuid) {
            return L3S.get(uuid);
        }

        @Override
        public boolean macUsed(String l3NetworkUuid, String mac) {
            return Set.of("l3-a/52:54:00:00:00:09").contains(l3NetworkUuid + "/" + mac);
        }

        @Override
        public String ipUnavailableReason(String l3NetworkUuid, String ip) {
            if (ip.equals("10.0.0.1")) {
                return "it is the gateway";
            }
            return ip.startsWith("10.0.0.") ? null : "it is in no IP range of the L3 network";
        }
    };

    private final NicChecks checks = new NicChecks(NETWORKS, () -> "52:54:00:AB:CD:EF");

    private static V2VJobSpec withNics(String vm, V2VJobSpec.NicPlan... nics) {
        V2VJobSpec spec = spec(vm(vm));
        spec.nics.addAll(java.util.List.of(nics));
        return spec;
    }

    @Test
    void aNicWithoutMacGetsANewOne() {
        V2VJobSpec spec = withNics("web", nic("l3-a", null, null), nic("l3-b", "00:50:56:AA:00:01", "10.0.0.5"));
        checks.check(spec, "VM web");
        assertEquals("52:54:00:ab:cd:ef", spec.nics.get(0).mac);
        assertEquals("00:50:56:aa:00:01", spec.nics.get(1).mac);
        assertTrue(NicChecks.newMac().matches("52:54:00(:[0-9a-f]{2}){3}"));
    }

    @Test
    void theL3NetworkExists() {
        refused(INVALID, "VM web: l3NetworkUuid l3-gone does not exist", () -> checks.check(withNics("web", nic("l3-gone", null, null)), "VM web"));
    }

    @Test
    void theL3NetworkIsInTheZone() {
        refused(INVALID, "VM web: L3 network l3 l3-far is not in zone zone-1",
                () -> checks.check(withNics("web", nic("l3-far", null, null)), "VM web"));
    }

    @Test
    void aMacIsAMac() {
        refused(INVALID, "VM web: mac 52:54:00:00:00 is not a MAC address",
                () -> checks.check(withNics("web", nic("l3-a", "52:54:00:00:00", null)), "VM web"));
    }

    @Test
    void aMacIsNewToItsL3() {
        refused(INVALID, "VM web: mac 52:54:00:00:00:09 is already used in L3 network l3 l3-a",
                () -> checks.check(withNics("web", nic("l3-a", "52:54:00:00:00:09", null)), "VM web"));
        // the same MAC on another L3 is fine
        assertDoesNotThrow(() -> checks.check(withNics("db", nic("l3-b", "52:54:00:00:00:09", null)), "VM db"));
    }

    @Test
    void twoNicsOfASubmissionDoNotShareAMac() {
        checks.check(withNics("web", nic("l3-a", "52:54:00:00:00:01", null)), "VM web");
        refused(INVALID, "VM db: mac 52:54:00:00:00:01 is already used in L3 network l3 l3-a",
                () -> checks.check(withNics("db", nic("l3-a", "52:54:00:00:00:01", null)), "VM db"));
    }

    @Test
    void aFixedIpIsFreeInTheRanges() {
        refused(INVALID, "VM web: ip 10.9.9.9 cannot be used: it is in no IP range of the L3 network",
                () -> checks.check(withNics("web", nic("l3-a", null, "10.9.9.9")), "VM web"));
        refused(INVALID, "VM web: ip 10.0.0.1 cannot be used: it is the gateway",
                () -> checks.check(withNics("web", nic("l3-a", "52:54:00:00:00:02", "10.0.0.1")), "VM web"));
    }

    @Test
    void aFixedIpIsAskedForOnce() {
        checks.check(withNics("web", nic("l3-a", "52:54:00:00:00:01", "10.0.0.201")), "VM web");
        refused(INVALID, "VM db: ip 10.0.0.201 is given to two NICs",
                () -> checks.check(withNics("db", nic("l3-a", "52:54:00:00:00:02", "10.0.0.201")), "VM db"));
        // the same address in another L3 is another address
        assertDoesNotThrow(() -> checks.check(withNics("app", nic("l3-b", "52:54:00:00:00:03", "10.0.0.201")), "VM app"));
    }
}
