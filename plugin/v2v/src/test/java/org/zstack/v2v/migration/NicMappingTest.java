package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.V2VNetworkMapping;
import org.zstack.v2v.V2VNicMapping;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.zstack.v2v.migration.PlannerFixtures.*;

class NicMappingTest {
    private static final SourceVm WEB = vm("web", "00:50:56:00:00:01@VM Network", "00:50:56:00:00:02@Backup");

    private static V2VNicMapping mapping(String sourceMac, String sourceNetwork, String l3) {
        V2VNicMapping m = new V2VNicMapping();
        m.setSourceMac(sourceMac);
        m.setSourceNetworkName(sourceNetwork);
        m.setL3NetworkUuid(l3);
        return m;
    }

    private static V2VNetworkMapping network(String name, String l3) {
        V2VNetworkMapping m = new V2VNetworkMapping();
        m.setSourceNetworkName(name);
        m.setL3NetworkUuid(l3);
        return m;
    }

    @Test
    void theSingleVmApiMapsByPosition() {
        List<V2VJobSpec.NicPlan> plans = NicMapping.byPosition(WEB, List.of("l3-a", "l3-b", "l3-c"), "l3-b");
        assertEquals(List.of("00:50:56:00:00:01", "00:50:56:00:00:02"), Arrays.asList(plans.get(0).mac, plans.get(1).mac));
        assertNull(plans.get(2).mac, "a NIC more than the source has gets a new MAC later");
        assertEquals(List.of(false, true, false), plans.stream().map(p -> p.defaultNic).toList());
        assertTrue(NicMapping.byPosition(WEB, List.of("l3-a", "l3-b"), null).get(0).defaultNic);
    }

    @Test
    void aNetworkMappingNamesBothSides() {
        refused(INVALID, "networkMappings: every mapping needs sourceNetworkName and l3NetworkUuid",
                () -> NicMapping.byNetwork(List.of(network("VM Network", null))));
        refused(INVALID, "networkMappings: every mapping needs sourceNetworkName and l3NetworkUuid",
                () -> NicMapping.byNetwork(List.of(network(null, "l3-a"))));
        assertEquals(Map.of(), NicMapping.byNetwork(null));
    }

    @Test
    void nicMappingsComeFirstAndNetworksMapTheRest() {
        V2VNicMapping byMac = mapping("00:50:56:00:00:02", null, "l3-b");
        byMac.setIp("10.0.0.5");
        byMac.setDefaultNic(true);
        V2VNicMapping added = mapping(null, null, "l3-c");
        added.setMac("52:54:00:AA:BB:CC");
        List<V2VJobSpec.NicPlan> plans = NicMapping.map(WEB, List.of(byMac, added), Map.of("VM Network", "l3-a"));
        assertEquals(List.of("l3-b", "l3-c", "l3-a"), plans.stream().map(p -> p.l3NetworkUuid).toList());
        assertEquals(Arrays.asList("00:50:56:00:00:02", null, "00:50:56:00:00:01"), plans.stream().map(p -> p.sourceMac).toList());
        assertEquals("52:54:00:aa:bb:cc", plans.get(1).mac);
        assertEquals("10.0.0.5", plans.get(0).ip);
        assertEquals(List.of(true, false, false), plans.stream().map(p -> p.defaultNic).toList());
    }

    @Test
    void keepMacFalseLeavesTheMacToBeGiven() {
        V2VNicMapping m = mapping("00:50:56:00:00:01", null, "l3-a");
        m.setKeepMac(false);
        List<V2VJobSpec.NicPlan> plans = NicMapping.map(WEB, List.of(m), Map.of("Backup", "l3-b"));
        assertNull(plans.get(0).mac);
        assertTrue(plans.get(0).defaultNic, "the first NIC is the default when none is named");
    }

    @Test
    void aSourceMacIsANicOfTheVm() {
        refused(INVALID, "VM web: nics.sourceMac 00:50:56:00:00:09 is not a NIC of the source VM",
                () -> NicMapping.map(WEB, List.of(mapping("00:50:56:00:00:09", null, "l3-a")), Map.of()));
        // the MAC is compared in lower case
        assertEquals("00:50:56:00:00:01", NicMapping.map(WEB, List.of(mapping("00:50:56:00:00:01".toUpperCase(), null, "l3-a"),
                mapping("00:50:56:00:00:02", null, "l3-b")), Map.of()).get(0).sourceMac);
    }

    @Test
    void aSourceNetworkHasAnUnmappedNic() {
        List<V2VNicMapping> twice = new ArrayList<>(List.of(mapping(null, "Backup", "l3-a"), mapping(null, "Backup", "l3-b")));
        refused(INVALID, "VM web: nics.sourceNetworkName Backup has no (unmapped) NIC of the source VM",
                () -> NicMapping.map(WEB, twice, Map.of("VM Network", "l3-a")));
        refused(INVALID, "VM web: nics.sourceNetworkName Nowhere has no (unmapped) NIC",
                () -> NicMapping.map(WEB, List.of(mapping(null, "Nowhere", "l3-a")), Map.of()));
    }

    @Test
    void aNicMappingNamesItsL3() {
        refused(INVALID, "VM web: nics.l3NetworkUuid is required",
                () -> NicMapping.map(WEB, List.of(mapping("00:50:56:00:00:01", null, null)), Map.of()));
    }

    @Test
    void everySourceNicIsMapped() {
        refused(INVALID, "VM web: the NIC 00:50:56:00:00:02 on network Backup is mapped to no L3 network (nics or networkMappings)",
                () -> NicMapping.map(WEB, null, Map.of("VM Network", "l3-a")));
    }
}
