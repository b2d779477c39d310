package org.zstack.vmware.source;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.mo.ServiceInstance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The inventory path of a VM's datacenter ({@code DC0}, or {@code Europe/DC-Paris} when the datacenter is in a
 * folder), which vCenter's datastore URLs take as dcPath. Read by walking up from the VM: the synced records keep
 * the datacenter's name, not the folders above it.
 */
final class DatacenterPath {
    private static final String[] PATHS = {"name", "parent"};
    /** Deeper than any real inventory: guards against a loop in a broken answer. */
    private static final int MAX_DEPTH = 64;

    private DatacenterPath() {
    }

    static String of(ServiceInstance si, String vmMorval) throws Exception {
        Map<String, Object> vm = LiveVm.properties(si, VimCalls.mor("VirtualMachine", vmMorval), new String[]{"parent", "parentVApp"});
        if (vm == null) {
            return null;
        }
        // a VM of a vApp has no parent folder: its vApp's resource pools lead up to the datacenter's host folder
        ManagedObjectReference at = vm.get("parent") instanceof ManagedObjectReference p ? p
                : vm.get("parentVApp") instanceof ManagedObjectReference a ? a : null;
        Deque<String> names = new ArrayDeque<>();
        boolean inDatacenter = false;
        for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
            Map<String, Object> p = LiveVm.properties(si, at, PATHS);
            if (p == null) {
                return null;
            }
            ManagedObjectReference parent = p.get("parent") instanceof ManagedObjectReference m ? m : null;
            if (at.getType().equals("Datacenter")) {
                inDatacenter = true;
            }
            // the datacenter and the folders above it, but not the root folder (the one without a parent)
            if (inDatacenter && parent != null) {
                names.addFirst((String) p.get("name"));
            }
            at = parent;
        }
        return inDatacenter ? String.join("/", names) : null;
    }
}
