package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.job.V2VJobSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.zstack.v2v.migration.PlannerFixtures.*;

/**
 * Two clusters: c1 with the conversion host's host h1 and h2, c2 with h3. A local storage "local" attached to c1
 * (directories on h1, h2) and a shared "nfs" attached to c2 only.
 */
class TargetPlacementTest {
    private final Map<String, PrimaryStorageVO> storages = new HashMap<>();
    private final Map<String, List<String>> clusters = new HashMap<>();
    private final Set<String> hostRefs = new HashSet<>();
    private final Map<String, HostVO> hosts = new HashMap<>();
    private final V2VConversionHostVO ch = conversionHost("ch-1", "h1", 1L << 40);

    private final TargetPlacement placement = new TargetPlacement(new TargetPlacement.Inventory() {
        @Override
        public PrimaryStorageVO primaryStorage(String uuid) {
            return storages.get(uuid);
        }

        @Override
        public boolean isShared(PrimaryStorageVO ps) {
            return "NFS".equals(ps.getType());
        }

        @Override
        public List<String> attachedClusters(String primaryStorageUuid) {
            return clusters.getOrDefault(primaryStorageUuid, List.of());
        }

        @Override
        public boolean hasHostRef(String primaryStorageUuid, String hostUuid) {
            return hostRefs.contains(primaryStorageUuid + "/" + hostUuid);
        }

        @Override
        public HostVO host(String uuid) {
            return hosts.get(uuid);
        }

        @Override
        public List<HostVO> connectedHosts(String zoneUuid, String clusterUuid) {
            List<HostVO> found = new ArrayList<>();
            for (HostVO h : hosts.values()) {
                if (h.getZoneUuid().equals(zoneUuid) && h.getStatus() == HostStatus.Connected
                        && (clusterUuid == null || clusterUuid.equals(h.getClusterUuid()))) {
                    found.add(h);
                }
            }
            // the database's order is not the conversion host first
            found.sort((a, b) -> b.getUuid().compareTo(a.getUuid()));
            return found;
        }
    });

    TargetPlacementTest() {
        for (HostVO h : List.of(host("h1", "c1", HostStatus.Connected), host("h2", "c1", HostStatus.Connected),
                host("h3", "c2", HostStatus.Connected), host("h4", "c1", HostStatus.Disconnected))) {
            hosts.put(h.getUuid(), h);
        }
        storages.put("local", ps("local", "LocalStorage", 1L << 40));
        storages.put("nfs", ps("nfs", "NFS", 1L << 40));
        clusters.put("local", List.of("c1"));
        clusters.put("nfs", List.of("c2"));
        hostRefs.add("local/h1");
        hostRefs.add("local/h2");
        hostRefs.add("local/h4");
    }

    private V2VJobSpec on(String ps) {
        V2VJobSpec spec = spec(vm("web"));
        spec.primaryStorageUuid = ps;
        spec.zoneUuid = null;
        return spec;
    }

    @Test
    void theConversionHostRunsTheVmWhenItCan() {
        V2VJobSpec spec = on("local");
        assertSame(storages.get("local"), placement.place(spec, ch, "VM web"));
        assertEquals(List.of(ZONE, "c1", "h1"), List.of(spec.zoneUuid, spec.clusterUuid, spec.hostUuid));
    }

    @Test
    void aChosenHostOrClusterIsKept() {
        V2VJobSpec spec = on("local");
        spec.hostUuid = "h2";
        placement.place(spec, ch, "VM web");
        assertEquals(List.of("c1", "h2"), List.of(spec.clusterUuid, spec.hostUuid));
    }

    @Test
    void thePrimaryStorageExists() {
        refused(INVALID, "VM web: primaryStorageUuid gone does not exist", () -> placement.place(on("gone"), ch, "VM web"));
    }

    @Test
    void thePrimaryStorageIsInTheZone() {
        V2VJobSpec spec = on("local");
        spec.zoneUuid = "zone-2";
        refused(INVALID, "VM web: primary storage storage local is not in zone zone-2", () -> placement.place(spec, ch, "VM web"));
    }

    @Test
    void theConversionHostReachesASharedStorage() {
        refused(INVALID, "VM web: conversion host ch ch-1 cannot reach primary storage storage nfs: it is not attached to the"
                + " conversion host's cluster", () -> placement.place(on("nfs"), ch, "VM web"));
        clusters.put("nfs", List.of("c1", "c2"));
        V2VJobSpec spec = on("nfs");
        spec.clusterUuid = "c2";
        placement.place(spec, ch, "VM web");
        assertEquals("h3", spec.hostUuid);
    }

    /** The refusal of placing the VM of local storage on the given host (and cluster, if not null). */
    private void refusedOn(String hostUuid, String clusterUuid, String details) {
        V2VJobSpec spec = on("local");
        spec.hostUuid = hostUuid;
        spec.clusterUuid = clusterUuid;
        refused(INVALID, details, () -> placement.place(spec, ch, "VM web"));
    }

    @Test
    void aChosenHostExists() {
        refusedOn("h9", null, "VM web: hostUuid h9 does not exist");
    }

    @Test
    void aChosenHostIsConnected() {
        refusedOn("h4", null, "VM web: host host h4 cannot run the VM: it is Disconnected");
    }

    @Test
    void aChosenHostIsInTheChosenCluster() {
        refusedOn("h3", "c1", "VM web: host host h3 cannot run the VM: it is not in cluster c1");
    }

    @Test
    void aChosenHostsClusterHasTheStorage() {
        refusedOn("h3", null, "VM web: host host h3 cannot run the VM: primary storage storage local is not attached to its cluster");
    }

    @Test
    void aChosenHostHasItsDirectoryOfLocalStorage() {
        hostRefs.remove("local/h2");
        refusedOn("h2", null, "VM web: host host h2 cannot run the VM: it has no directory of local primary storage storage local");
    }

    @Test
    void someConnectedHostCanUseTheStorage() {
        V2VJobSpec spec = on("local");
        spec.clusterUuid = "c2";
        refused(INVALID, "VM web: no Connected host of cluster c2 can use primary storage storage local",
                () -> placement.place(spec, ch, "VM web"));
        hostRefs.clear();
        refused(INVALID, "VM web: no Connected host can use primary storage storage local",
                () -> placement.place(on("local"), ch, "VM web"));
    }
}
