package org.zstack.vmware.source;

import com.vmware.vim25.*;
import com.vmware.vim25.mo.ServiceInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * What vCenter says of a VM now (the synced records may be minutes old): its power state, whether it tracks
 * changed blocks, and its devices, read in one PropertyCollector call. Null from {@link #read} when vCenter no
 * longer has the VM.
 */
record LiveVm(String morval, String name, String powerState, boolean changeTrackingEnabled, VirtualDevice[] devices) {
    static final String POWERED_ON = "poweredOn";
    static final String POWERED_OFF = "poweredOff";
    static final String SUSPENDED = "suspended";

    private static final String[] PATHS = {"name", "runtime.powerState", "config.changeTrackingEnabled", "config.hardware.device"};

    static LiveVm read(ServiceInstance si, String morval) throws Exception {
        Map<String, Object> p = properties(si, VimCalls.mor("VirtualMachine", morval), PATHS);
        if (p == null) {
            return null;
        }
        Object power = p.get("runtime.powerState");
        return new LiveVm(morval, (String) p.get("name"), power == null ? null : power.toString(),
                Boolean.TRUE.equals(p.get("config.changeTrackingEnabled")),
                p.get("config.hardware.device") instanceof VirtualDevice[] d ? d : new VirtualDevice[0]);
    }

    /** The power state alone, for polls. Null when the VM is gone. */
    static String powerState(ServiceInstance si, String morval) throws Exception {
        Map<String, Object> p = properties(si, VimCalls.mor("VirtualMachine", morval), new String[]{"runtime.powerState"});
        return p == null || p.get("runtime.powerState") == null ? null : p.get("runtime.powerState").toString();
    }

    /** Some properties of one object; null when the object is gone. */
    static Map<String, Object> properties(ServiceInstance si, ManagedObjectReference mor, String[] paths) throws Exception {
        PropertySpec ps = new PropertySpec();
        ps.setType(mor.getType());
        ps.setAll(false);
        ps.setPathSet(paths);
        ObjectSpec os = new ObjectSpec();
        os.setObj(mor);
        os.setSkip(false);
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setPropSet(new PropertySpec[]{ps});
        spec.setObjectSet(new ObjectSpec[]{os});
        ObjectContent[] found;
        try {
            found = si.getPropertyCollector().retrieveProperties(new PropertyFilterSpec[]{spec});
        } catch (ManagedObjectNotFound e) {
            return null;
        }
        if (found == null || found.length == 0) {
            return null;
        }
        Map<String, Object> ret = new HashMap<>();
        if (found[0].getPropSet() != null) {
            for (DynamicProperty d : found[0].getPropSet()) {
                ret.put(d.getName(), d.getVal());
            }
        }
        return ret;
    }

    VirtualDisk disk(int key) {
        for (VirtualDevice d : devices) {
            if (d instanceof VirtualDisk disk && disk.getKey() == key) {
                return disk;
            }
        }
        return null;
    }

    VirtualDevice device(int key) {
        for (VirtualDevice d : devices) {
            if (d.getKey() == key) {
                return d;
            }
        }
        return null;
    }

    static long capacity(VirtualDisk d) {
        return d.getCapacityInBytes() != null && d.getCapacityInBytes() > 0 ? d.getCapacityInBytes() : d.getCapacityInKB() * 1024;
    }
}
