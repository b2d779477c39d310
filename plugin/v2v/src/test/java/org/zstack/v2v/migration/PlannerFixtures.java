package org.zstack.v2v.migration;

import org.junit.jupiter.api.function.Executable;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.job.V2VJobSpec;
import org.zstack.v2v.source.SourceVm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain records for the planner's checks: the data the planner would have read from the database. */
final class PlannerFixtures {
    static final String INVALID = "V2V.1004";
    static final String ZONE = "zone-1";

    private PlannerFixtures() {
    }

    /** The refusal the call throws, checked for its code and a part of its details. */
    static ErrorCode refused(String code, String detailsPart, Executable call) {
        OperationFailureException e = assertThrows(OperationFailureException.class, call);
        ErrorCode err = e.getErrorCode();
        assertEquals(code, err.getCode(), err.getDetails());
        assertTrue(err.getDetails().contains(detailsPart), () -> "'" + detailsPart + "' not in: " + err.getDetails());
        return err;
    }

    static SourceVm vm(String name, String... nicsAsMacAtNetwork) {
        SourceVm vm = new SourceVm();
        vm.uuid = "uuid-" + name;
        vm.name = name;
        vm.cpuNum = 2;
        vm.memorySize = 1L << 30;
        vm.powerState = "Stopped";
        for (int i = 0; i < 3; i++) {
            SourceVm.Disk d = new SourceVm.Disk();
            d.index = i;
            d.capacity = 10L << 30;
            vm.disks.add(d);
        }
        for (String s : nicsAsMacAtNetwork) {
            SourceVm.Nic n = new SourceVm.Nic();
            n.mac = s.substring(0, s.indexOf('@'));
            n.networkName = s.substring(s.indexOf('@') + 1);
            n.deviceIndex = vm.nics.size();
            vm.nics.add(n);
        }
        return vm;
    }

    static V2VJobSpec spec(SourceVm vm) {
        V2VJobSpec spec = new V2VJobSpec();
        spec.sourceVm = vm;
        spec.name = vm.name;
        spec.cpuNum = vm.cpuNum;
        spec.memorySize = vm.memorySize;
        spec.zoneUuid = ZONE;
        spec.primaryStorageUuid = "ps-1";
        return spec;
    }

    static V2VJobSpec.NicPlan nic(String l3, String mac, String ip) {
        V2VJobSpec.NicPlan n = new V2VJobSpec.NicPlan();
        n.l3NetworkUuid = l3;
        n.mac = mac;
        n.ip = ip;
        return n;
    }

    static HostVO host(String uuid, String cluster, HostStatus status) {
        HostVO h = new HostVO();
        h.setUuid(uuid);
        h.setName("host " + uuid);
        h.setZoneUuid(ZONE);
        h.setClusterUuid(cluster);
        h.setStatus(status);
        return h;
    }

    static PrimaryStorageVO ps(String uuid, String type, long available) {
        PrimaryStorageVO ps = new PrimaryStorageVO();
        ps.setUuid(uuid);
        ps.setName("storage " + uuid);
        ps.setZoneUuid(ZONE);
        ps.setType(type);
        ps.setAvailableCapacity(available);
        return ps;
    }

    static V2VConversionHostVO conversionHost(String uuid, String hostUuid, long available) {
        V2VConversionHostVO ch = new V2VConversionHostVO();
        ch.setUuid(uuid);
        ch.setName("ch " + uuid);
        ch.setHostUuid(hostUuid);
        ch.setAvailableSize(available);
        return ch;
    }

    static L3NetworkVO l3(String uuid, String zone) {
        L3NetworkVO l3 = new L3NetworkVO();
        l3.setUuid(uuid);
        l3.setName("l3 " + uuid);
        l3.setZoneUuid(zone);
        return l3;
    }
}
