package org.zstack.v2v.migration;

import org.zstack.v2v.V2VNetworkMapping;
import org.zstack.v2v.V2VNicMapping;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.zstack.v2v.migration.V2VJobPlanner.invalid;

/**
 * Which L3 network each target NIC gets, from the request alone: by position (the single-VM API), or by the
 * wizard's per-NIC mappings and then its source network → L3 mappings for the NICs left. Every source NIC must
 * end up somewhere. Whether the L3s, MACs and IPs can be used is {@link NicChecks}'s question.
 */
final class NicMapping {
    private NicMapping() {
    }

    /** The single-VM API: NIC i of the source goes to l3NetworkUuids[i], keeping its MAC. */
    static List<V2VJobSpec.NicPlan> byPosition(SourceVm vm, List<String> l3s, String defaultL3) {
        List<V2VJobSpec.NicPlan> plans = new ArrayList<>();
        for (int i = 0; i < l3s.size(); i++) {
            V2VJobSpec.NicPlan n = new V2VJobSpec.NicPlan();
            n.l3NetworkUuid = l3s.get(i);
            n.sourceMac = i < vm.nics.size() ? vm.nics.get(i).mac : null;
            n.mac = n.sourceMac;
            n.defaultNic = defaultL3 != null ? n.l3NetworkUuid.equals(defaultL3) : i == 0;
            plans.add(n);
        }
        return plans;
    }

    /** The wizard's source network name → L3 network uuid. */
    static Map<String, String> byNetwork(List<V2VNetworkMapping> mappings) {
        Map<String, String> byNetwork = new HashMap<>();
        if (mappings != null) {
            for (V2VNetworkMapping m : mappings) {
                if (m.getSourceNetworkName() == null || m.getL3NetworkUuid() == null) {
                    throw invalid("networkMappings: every mapping needs sourceNetworkName and l3NetworkUuid");
                }
                byNetwork.put(m.getSourceNetworkName(), m.getL3NetworkUuid());
            }
        }
        return byNetwork;
    }

    /** The wizard's VM: its NIC mappings first, then every NIC left by its network; the first is default if none is. */
    static List<V2VJobSpec.NicPlan> map(SourceVm vm, List<V2VNicMapping> mappings, Map<String, String> byNetwork) {
        List<V2VJobSpec.NicPlan> plans = new ArrayList<>();
        Set<String> mappedSourceMacs = new HashSet<>();
        if (mappings != null) {
            for (V2VNicMapping m : mappings) {
                SourceVm.Nic src = sourceNic(vm, m, mappedSourceMacs);
                if (m.getL3NetworkUuid() == null) {
                    throw invalid("VM %s: nics.l3NetworkUuid is required", vm.name);
                }
                V2VJobSpec.NicPlan p = new V2VJobSpec.NicPlan();
                p.sourceMac = src == null ? null : src.mac;
                p.l3NetworkUuid = m.getL3NetworkUuid();
                p.ip = m.getIp();
                boolean keep = m.getKeepMac() == null || m.getKeepMac();
                p.mac = m.getMac() != null ? m.getMac().toLowerCase(Locale.ROOT) : keep && src != null ? src.mac : null;
                p.defaultNic = Boolean.TRUE.equals(m.getDefaultNic());
                if (src != null) {
                    mappedSourceMacs.add(src.mac);
                }
                plans.add(p);
            }
        }
        for (SourceVm.Nic n : vm.nics) {
            if (mappedSourceMacs.contains(n.mac)) {
                continue;
            }
            String l3 = byNetwork.get(n.networkName);
            if (l3 == null) {
                throw invalid("VM %s: the NIC %s on network %s is mapped to no L3 network (nics or networkMappings)",
                        vm.name, n.mac, n.networkName);
            }
            V2VJobSpec.NicPlan p = new V2VJobSpec.NicPlan();
            p.sourceMac = n.mac;
            p.l3NetworkUuid = l3;
            p.mac = n.mac;
            plans.add(p);
        }
        if (!plans.isEmpty() && plans.stream().noneMatch(p -> p.defaultNic)) {
            plans.get(0).defaultNic = true;
        }
        return plans;
    }

    /** The source NIC a mapping names, by MAC or by network (a NIC not mapped yet); null for an added NIC. */
    private static SourceVm.Nic sourceNic(SourceVm vm, V2VNicMapping m, Set<String> mappedSourceMacs) {
        if (m.getSourceMac() != null) {
            String mac = m.getSourceMac().toLowerCase(Locale.ROOT);
            return vm.nics.stream().filter(n -> mac.equalsIgnoreCase(n.mac)).findFirst().orElseThrow(() ->
                    invalid("VM %s: nics.sourceMac %s is not a NIC of the source VM", vm.name, mac));
        }
        if (m.getSourceNetworkName() != null) {
            return vm.nics.stream().filter(n -> m.getSourceNetworkName().equals(n.networkName)
                    && !mappedSourceMacs.contains(n.mac)).findFirst().orElseThrow(() -> invalid(
                    "VM %s: nics.sourceNetworkName %s has no (unmapped) NIC of the source VM", vm.name, m.getSourceNetworkName()));
        }
        return null;
    }
}
