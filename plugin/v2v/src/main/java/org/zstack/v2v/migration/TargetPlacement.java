package org.zstack.v2v.migration;

import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.job.V2VJobSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.zstack.v2v.migration.V2VJobPlanner.invalid;

/**
 * Where a job's VM goes: its primary storage (in the zone, reachable), the host that runs it and that host's
 * cluster. The conversion host itself comes first, since volumes written there need no upload. What it knows of
 * the storage and the hosts it reads through {@link Inventory}.
 */
class TargetPlacement {
    /** The records placement reads; the planner reads them from the database. */
    interface Inventory {
        PrimaryStorageVO primaryStorage(String uuid);

        /** The storage's backend: a shared one is the same from every host of its clusters. */
        boolean isShared(PrimaryStorageVO ps);

        List<String> attachedClusters(String primaryStorageUuid);

        /** The host connected to the storage: on a local storage, it has its own directory of it. */
        boolean hasHostRef(String primaryStorageUuid, String hostUuid);

        HostVO host(String uuid);

        /** Connected hosts of the zone, of the cluster only when clusterUuid is not null. */
        List<HostVO> connectedHosts(String zoneUuid, String clusterUuid);
    }

    private final Inventory inventory;

    TargetPlacement(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Fills the spec's zone, cluster and host; returns its primary storage. */
    PrimaryStorageVO place(V2VJobSpec spec, V2VConversionHostVO ch, String who) {
        PrimaryStorageVO ps = inventory.primaryStorage(spec.primaryStorageUuid);
        if (ps == null) {
            throw invalid("%s: primaryStorageUuid %s does not exist", who, spec.primaryStorageUuid);
        }
        if (spec.zoneUuid == null) {
            spec.zoneUuid = ps.getZoneUuid();
        } else if (!spec.zoneUuid.equals(ps.getZoneUuid())) {
            throw invalid("%s: primary storage %s is not in zone %s", who, ps.getName(), spec.zoneUuid);
        }
        placeOnHost(spec, ps, ch, who);
        return ps;
    }

    private void placeOnHost(V2VJobSpec spec, PrimaryStorageVO ps, V2VConversionHostVO ch, String who) {
        boolean shared = inventory.isShared(ps);
        List<String> clusters = inventory.attachedClusters(ps.getUuid());
        if (shared) {
            // the conversion host writes the volumes onto the storage itself
            HostVO chHost = inventory.host(ch.getHostUuid());
            if (!clusters.contains(chHost.getClusterUuid())) {
                throw invalid("%s: conversion host %s cannot reach primary storage %s: it is not attached to the conversion"
                        + " host's cluster", who, ch.getName(), ps.getName());
            }
        }
        List<HostVO> candidates;
        if (spec.hostUuid != null) {
            HostVO h = inventory.host(spec.hostUuid);
            if (h == null) {
                throw invalid("%s: hostUuid %s does not exist", who, spec.hostUuid);
            }
            candidates = List.of(h);
        } else {
            candidates = new ArrayList<>(inventory.connectedHosts(spec.zoneUuid, spec.clusterUuid));
            candidates.sort(Comparator.comparing(h -> !h.getUuid().equals(ch.getHostUuid())));
        }
        for (HostVO h : candidates) {
            String problem = hostProblem(h, spec, ps, shared, clusters);
            if (problem == null) {
                spec.hostUuid = h.getUuid();
                spec.clusterUuid = h.getClusterUuid();
                return;
            }
            if (spec.hostUuid != null) {
                throw invalid("%s: host %s cannot run the VM: %s", who, h.getName(), problem);
            }
        }
        throw invalid("%s: no Connected host%s can use primary storage %s", who,
                spec.clusterUuid == null ? "" : " of cluster " + spec.clusterUuid, ps.getName());
    }

    private String hostProblem(HostVO h, V2VJobSpec spec, PrimaryStorageVO ps, boolean shared, List<String> clusters) {
        if (h.getStatus() != HostStatus.Connected) {
            return "it is " + h.getStatus();
        }
        if (spec.clusterUuid != null && !spec.clusterUuid.equals(h.getClusterUuid())) {
            return "it is not in cluster " + spec.clusterUuid;
        }
        if (!clusters.contains(h.getClusterUuid())) {
            return "primary storage " + ps.getName() + " is not attached to its cluster";
        }
        if (!shared && !inventory.hasHostRef(ps.getUuid(), h.getUuid())) {
            return "it has no directory of local primary storage " + ps.getName();
        }
        return null;
    }
}
