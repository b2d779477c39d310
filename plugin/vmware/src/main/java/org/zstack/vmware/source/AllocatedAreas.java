package org.zstack.vmware.source;

import com.vmware.vim25.DiskChangeExtent;
import com.vmware.vim25.DiskChangeInfo;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.mo.VirtualMachineSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a disk that hold data at a snapshot, from changed block tracking: QueryChangedDiskAreas with the
 * change id "*" answers the allocated areas. vSphere answers a window of the disk per call (startOffset, length),
 * so the query goes on from where the last answer ended until the whole disk is covered. The conversion host then
 * reads only these ranges of a half-empty disk.
 */
final class AllocatedAreas {
    private AllocatedAreas() {
    }

    /** Ranges [offset, length], in order. Only reads: safe to run again after a new login. */
    static List<long[]> of(ServiceInstance si, String vmMorval, String snapshotMorval, int deviceKey, long capacity) throws Exception {
        VirtualMachine vm = new VirtualMachine(si.getServerConnection(), VimCalls.mor("VirtualMachine", vmMorval));
        VirtualMachineSnapshot snapshot = new VirtualMachineSnapshot(si.getServerConnection(), VimCalls.mor("VirtualMachineSnapshot", snapshotMorval));
        List<long[]> ret = new ArrayList<>();
        long start = 0;
        while (start < capacity) {
            DiskChangeInfo info = vm.queryChangedDiskAreas(snapshot, deviceKey, start, "*");
            if (info.getChangedArea() != null) {
                for (DiskChangeExtent e : info.getChangedArea()) {
                    if (e.getLength() > 0) {
                        ret.add(new long[]{e.getStart(), e.getLength()});
                    }
                }
            }
            long next = info.getStartOffset() + info.getLength();
            if (next <= start) {
                // an answer that covers nothing would loop forever: what is left is read whole
                ret.add(new long[]{start, capacity - start});
                break;
            }
            start = next;
        }
        return ret;
    }
}
