package org.zstack.v2v.migration;

import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.v2v.job.V2VJobSpec;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.zstack.v2v.migration.V2VJobPlanner.invalid;

/**
 * Whether the target NICs of a submission can be had: each L3 network exists in the job's zone, each MAC is a MAC
 * and new to its L3 (among the submission's NICs too; a NIC without one gets a fresh one), each fixed IP is free
 * in its L3's ranges and asked for once. One instance per submission: it remembers the MACs and IPs taken.
 */
class NicChecks {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final SecureRandom random = new SecureRandom();

    /** What the checks read of the target networks; the planner reads it from the database and the IP allocator. */
    interface Networks {
        L3NetworkVO l3(String uuid);

        /** A NIC of the L3 network has the MAC already. */
        boolean macUsed(String l3NetworkUuid, String mac);

        /** Why the IP cannot be given on the L3 network (outside its ranges, its gateway, taken); null when it can. */
        String ipUnavailableReason(String l3NetworkUuid, String ip);
    }

    private final Networks networks;
    private final Supplier<String> newMac;
    private final Map<String, Set<String>> macsByL3 = new HashMap<>();
    private final Set<String> ips = new HashSet<>();

    NicChecks(Networks networks) {
        this(networks, NicChecks::newMac);
    }

    NicChecks(Networks networks, Supplier<String> newMac) {
        this.networks = networks;
        this.newMac = newMac;
    }

    /** Checks the job's NICs (spec.zoneUuid placed already) and gives a MAC to those without. */
    void check(V2VJobSpec spec, String who) {
        for (V2VJobSpec.NicPlan n : spec.nics) {
            L3NetworkVO l3 = networks.l3(n.l3NetworkUuid);
            if (l3 == null) {
                throw invalid("%s: l3NetworkUuid %s does not exist", who, n.l3NetworkUuid);
            }
            if (!spec.zoneUuid.equals(l3.getZoneUuid())) {
                throw invalid("%s: L3 network %s is not in zone %s", who, l3.getName(), spec.zoneUuid);
            }
            if (n.mac == null) {
                n.mac = newMac.get();
            }
            n.mac = n.mac.toLowerCase(Locale.ROOT);
            if (!MAC.matcher(n.mac).matches()) {
                throw invalid("%s: mac %s is not a MAC address", who, n.mac);
            }
            if (!macsByL3.computeIfAbsent(l3.getUuid(), k -> new HashSet<>()).add(n.mac) || networks.macUsed(l3.getUuid(), n.mac)) {
                throw invalid("%s: mac %s is already used in L3 network %s", who, n.mac, l3.getName());
            }
            if (n.ip != null) {
                String reason = networks.ipUnavailableReason(l3.getUuid(), n.ip);
                if (reason != null) {
                    throw invalid("%s: ip %s cannot be used: %s", who, n.ip, reason);
                }
                if (!ips.add(l3.getUuid() + "/" + n.ip)) {
                    throw invalid("%s: ip %s is given to two NICs", who, n.ip);
                }
            }
        }
    }

    /** A locally administered unicast MAC in QEMU's prefix, as ZStack gives new NICs. */
    static String newMac() {
        return String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
