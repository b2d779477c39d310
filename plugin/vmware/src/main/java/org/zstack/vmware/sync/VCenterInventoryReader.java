package org.zstack.vmware.sync;

import com.vmware.vim25.*;
import com.vmware.vim25.mo.ContainerView;
import com.vmware.vim25.mo.PropertyCollector;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.util.MorUtil;

import java.util.*;

/**
 * Reads the whole inventory of a vCenter with few calls: one PropertyCollector query per datacenter for its
 * clusters, hosts, resource pools and VMs (through a container view), one for every datastore and one for every
 * network (both named by the datacenters), one for the distributed switches. A 500-VM vCenter is a handful of
 * round trips, not thousands. Only reads; the caller may run it again after a new login.
 * <p>
 * Networks come from each datacenter's {@code network} property, the list Datacenter.getNetworks() reads (the
 * InventoryNavigator walk of network folders only knows API 4.x/5.x folders). The list is read as references and
 * filtered to networks: a simulator also lists its distributed switches there, which getNetworks() would fail to
 * cast to Network.
 */
public class VCenterInventoryReader {
    /** Objects per RetrievePropertiesEx page; a vCenter may page with fewer. */
    static final int PAGE = 1000;

    private static final String[] DATACENTER_PROPS = {"name", "datastore", "network"};
    private static final String[] COMPUTE_PROPS = {"name"};
    private static final String[] HOST_PROPS = {"name", "parent", "datastore", "summary.config.product.version",
            "summary.config.product.build", "summary.hardware.cpuModel", "summary.hardware.numCpuThreads",
            "summary.hardware.memorySize", "summary.quickStats.overallMemoryUsage", "runtime.connectionState",
            "runtime.inMaintenanceMode"};
    private static final String[] POOL_PROPS = {"name", "parent", "owner", "config.cpuAllocation", "config.memoryAllocation"};
    private static final String[] VM_PROPS = {"name", "runtime.host", "runtime.powerState", "resourcePool",
            "config.template", "config.instanceUuid", "config.uuid", "config.guestId", "config.guestFullName",
            "config.firmware", "config.hardware.numCPU", "config.hardware.numCoresPerSocket", "config.hardware.memoryMB",
            "config.hardware.device", "config.version", "config.annotation", "config.changeTrackingEnabled",
            "config.files.vmPathName", "layoutEx.disk", "layoutEx.file", "config.bootOptions.bootOrder",
            // newer than the client's stubs (6.5): asked by path, so that the lenient reader gets them as plain values
            "config.bootOptions.efiSecureBootEnabled", "config.keyId.keyId", "guest.guestFullName"};
    private static final String[] DATASTORE_PROPS = {"name", "summary.type", "summary.url", "summary.capacity",
            "summary.freeSpace", "summary.accessible"};
    private static final String[] NETWORK_PROPS = {"name"};
    private static final String[] PORTGROUP_PROPS = {"name", "key", "config.distributedVirtualSwitch", "config.defaultPortConfig"};
    private static final String[] SWITCH_PROPS = {"name", "uuid", "config.uplinkPortgroup"};

    private static final Set<String> NETWORK_TYPES = Set.of("Network", "DistributedVirtualPortgroup", "OpaqueNetwork");
    private static final Set<String> SWITCH_TYPES = Set.of("DistributedVirtualSwitch", "VmwareDistributedVirtualSwitch");

    private final ServiceInstance si;
    private final PropertyCollector pc;

    public VCenterInventoryReader(ServiceInstance si) {
        this.si = si;
        this.pc = si.getPropertyCollector();
    }

    /** The properties of one object, by path. */
    static final class Props {
        final ManagedObjectReference mor;
        final Map<String, Object> values = new HashMap<>();

        Props(ObjectContent oc) {
            mor = oc.getObj();
            if (oc.getPropSet() != null) {
                for (DynamicProperty p : oc.getPropSet()) {
                    values.put(p.getName(), p.getVal());
                }
            }
        }

        String type() {
            return mor.getType();
        }

        String morval() {
            return mor.getVal();
        }

        Object get(String path) {
            return values.get(path);
        }

        String str(String path) {
            Object v = values.get(path);
            return v == null ? null : v.toString();
        }

        Long lng(String path) {
            return values.get(path) instanceof Number n ? n.longValue() : null;
        }

        Integer integer(String path) {
            return values.get(path) instanceof Number n ? n.intValue() : null;
        }

        boolean bool(String path) {
            return Boolean.TRUE.equals(values.get(path));
        }

        String ref(String path) {
            return values.get(path) instanceof ManagedObjectReference m ? m.getVal() : null;
        }

        ManagedObjectReference mor(String path) {
            return values.get(path) instanceof ManagedObjectReference m ? m : null;
        }

        List<ManagedObjectReference> refs(String path) {
            return values.get(path) instanceof ManagedObjectReference[] a ? Arrays.asList(a) : List.of();
        }
    }

    public VCenterSnapshot read() throws Exception {
        VCenterSnapshot s = new VCenterSnapshot();
        AboutInfo about = si.getAboutInfo();
        s.version = about.getVersion();
        s.apiVersion = about.getApiVersion();
        s.instanceUuid = about.getInstanceUuid();

        List<Props> dcs = viewOf(si.getRootFolder().getMOR(), Map.of("Datacenter", DATACENTER_PROPS));
        dcs.sort(Comparator.comparing(p -> p.str("name")));
        List<ManagedObjectReference> datastoreRefs = new ArrayList<>();
        Map<String, String> datastoreDc = new HashMap<>();
        List<ManagedObjectReference> networkRefs = new ArrayList<>();
        Map<String, String> networkDc = new HashMap<>();
        Set<String> switchRefs = new LinkedHashSet<>();
        for (Props dc : dcs) {
            s.datacenters.add(new VCenterSnapshot.Datacenter(dc.morval(), dc.str("name")));
            for (ManagedObjectReference r : dc.refs("datastore")) {
                if (datastoreDc.putIfAbsent(r.getVal(), dc.morval()) == null) {
                    datastoreRefs.add(r);
                }
            }
            for (ManagedObjectReference r : dc.refs("network")) {
                if (NETWORK_TYPES.contains(r.getType()) && networkDc.putIfAbsent(r.getVal(), dc.morval()) == null) {
                    networkRefs.add(r);
                } else if (SWITCH_TYPES.contains(r.getType())) {
                    switchRefs.add(r.getVal());
                }
            }
        }

        Map<String, VCenterSnapshot.Datastore> datastores = readDatastores(datastoreRefs, datastoreDc, s);
        Map<String, VCenterSnapshot.Network> networks = readNetworks(networkRefs, networkDc, switchRefs, s);
        Map<String, VCenterSnapshot.Network> portgroupsByKey = new HashMap<>();
        for (VCenterSnapshot.Network n : networks.values()) {
            if (n.portgroupKey() != null) {
                portgroupsByKey.put(n.portgroupKey(), n);
            }
        }

        for (Props dc : dcs) {
            Map<String, String[]> specs = new LinkedHashMap<>();
            specs.put("ComputeResource", COMPUTE_PROPS);
            specs.put("HostSystem", HOST_PROPS);
            specs.put("ResourcePool", POOL_PROPS);
            specs.put("VirtualMachine", VM_PROPS);
            List<Props> objects = viewOf(dc.mor, specs);
            objects.sort(Comparator.comparing(Props::morval));
            Map<String, String> datastoreNames = new HashMap<>();
            for (VCenterSnapshot.Datastore d : datastores.values()) {
                if (d.datacenter().equals(dc.morval())) {
                    datastoreNames.put(d.name(), d.morval());
                }
            }
            for (Props p : objects) {
                switch (p.type()) {
                    case "ClusterComputeResource", "ComputeResource" ->
                            s.computeResources.add(new VCenterSnapshot.ComputeResource(p.morval(), p.str("name"), dc.morval(),
                                    p.type().equals("ClusterComputeResource")));
                    case "HostSystem" -> s.hosts.add(host(p, dc.morval()));
                    case "ResourcePool" -> s.resourcePools.add(pool(p));
                    case "VirtualMachine" -> {
                        if (!p.bool("config.template")) {
                            s.vms.add(vm(p, dc.morval(), portgroupsByKey, datastoreNames));
                        }
                    }
                    default -> {
                        // a VirtualApp or a type this reader does not know: not part of the picture
                    }
                }
            }
        }
        return s;
    }

    private static VCenterSnapshot.Host host(Props p, String dc) {
        Object state = p.get("runtime.connectionState");
        Integer usageMB = p.integer("summary.quickStats.overallMemoryUsage");
        List<String> ds = p.refs("datastore").stream().map(ManagedObjectReference::getVal).sorted().toList();
        ManagedObjectReference parent = p.mor("parent");
        return new VCenterSnapshot.Host(p.morval(), p.str("name"), dc, parent == null ? null : parent.getVal(),
                p.str("summary.config.product.version"), p.str("summary.config.product.build"),
                p.str("summary.hardware.cpuModel"), p.integer("summary.hardware.numCpuThreads"),
                p.lng("summary.hardware.memorySize"), usageMB == null ? null : usageMB.longValue() * 1024 * 1024,
                state == null ? null : state.toString(), p.bool("runtime.inMaintenanceMode"), ds);
    }

    private static VCenterSnapshot.ResourcePool pool(Props p) {
        ManagedObjectReference parent = p.mor("parent");
        String parentPool = parent != null && (parent.getType().equals("ResourcePool") || parent.getType().equals("VirtualApp"))
                ? parent.getVal() : null;
        ResourceAllocationInfo cpu = p.get("config.cpuAllocation") instanceof ResourceAllocationInfo r ? r : null;
        ResourceAllocationInfo mem = p.get("config.memoryAllocation") instanceof ResourceAllocationInfo r ? r : null;
        return new VCenterSnapshot.ResourcePool(p.morval(), p.str("name"), p.ref("owner"), parentPool,
                cpu == null ? null : cpu.getLimit(), cpu == null ? null : cpu.getOverheadLimit(),
                cpu == null ? null : cpu.getReservation(), shares(cpu), level(cpu),
                mem == null ? null : mem.getLimit(), mem == null ? null : mem.getOverheadLimit(),
                mem == null ? null : mem.getReservation(), shares(mem), level(mem));
    }

    private static Long shares(ResourceAllocationInfo a) {
        return a == null || a.getShares() == null ? null : (long) a.getShares().getShares();
    }

    private static String level(ResourceAllocationInfo a) {
        return a == null || a.getShares() == null || a.getShares().getLevel() == null ? null : a.getShares().getLevel().toString();
    }

    private static VCenterSnapshot.Vm vm(Props p, String dc, Map<String, VCenterSnapshot.Network> portgroupsByKey,
                                         Map<String, String> datastoreNames) {
        Map<Integer, Long> diskSizes = actualDiskSizes(p);
        List<VCenterSnapshot.Disk> disks = new ArrayList<>();
        List<VCenterSnapshot.Nic> nics = new ArrayList<>();
        List<VCenterSnapshot.Media> media = new ArrayList<>();
        if (p.get("config.hardware.device") instanceof VirtualDevice[] devices) {
            // a disk names its controller by key; the controller's type is its bus (IDE, SATA, SCSI, NVMe)
            Map<Integer, String> controllerTypes = new HashMap<>();
            for (VirtualDevice d : devices) {
                if (d instanceof VirtualController c) {
                    controllerTypes.put(c.getKey(), c.getClass().getSimpleName());
                }
            }
            for (VirtualDevice d : devices) {
                if (d instanceof VirtualDisk disk) {
                    disks.add(disk(disk, diskSizes.get(disk.getKey()), datastoreNames,
                            disk.getControllerKey() == null ? null : controllerTypes.get(disk.getControllerKey())));
                } else if (d instanceof VirtualEthernetCard nic) {
                    nics.add(nic(nic, portgroupsByKey));
                } else {
                    VCenterSnapshot.Media m = media(d);
                    if (m != null) {
                        media.add(m);
                    }
                }
            }
        }
        media.sort(Comparator.comparingInt(VCenterSnapshot.Media::key));
        disks.sort(Comparator.comparingInt(VCenterSnapshot.Disk::key));
        nics.sort(Comparator.comparingInt(VCenterSnapshot.Nic::key));
        Object power = p.get("runtime.powerState");
        Integer cpu = p.integer("config.hardware.numCPU");
        Long mem = p.lng("config.hardware.memoryMB");
        return new VCenterSnapshot.Vm(p.morval(), p.str("name"), dc, p.ref("runtime.host"), p.ref("resourcePool"),
                p.str("config.instanceUuid"), p.str("config.uuid"), p.str("config.guestId"), guestFullName(p),
                p.str("config.firmware"), cpu == null ? 0 : cpu, p.integer("config.hardware.numCoresPerSocket"),
                mem == null ? 0 : mem, power == null ? null : power.toString(), p.str("config.version"),
                p.str("config.annotation"), p.bool("config.changeTrackingEnabled"), p.str("config.files.vmPathName"),
                disks, nics, boot(p), p.str("config.keyId.keyId") != null, media);
    }

    /** The guest's name as VMware Tools report it (the real distribution), else the configured one. */
    private static String guestFullName(Props p) {
        String tools = p.str("guest.guestFullName");
        return tools != null && !tools.isBlank() ? tools : p.str("config.guestFullName");
    }

    static VCenterSnapshot.Boot boot(Props p) {
        List<String> order = new ArrayList<>();
        Integer diskKey = null;
        if (p.get("config.bootOptions.bootOrder") instanceof VirtualMachineBootOptionsBootableDevice[] devices) {
            for (VirtualMachineBootOptionsBootableDevice d : devices) {
                if (d instanceof VirtualMachineBootOptionsBootableDiskDevice disk) {
                    order.add("disk:" + disk.getDeviceKey());
                    if (diskKey == null) {
                        diskKey = disk.getDeviceKey();
                    }
                } else if (d instanceof VirtualMachineBootOptionsBootableEthernetDevice nic) {
                    order.add("ethernet:" + nic.getDeviceKey());
                } else if (d instanceof VirtualMachineBootOptionsBootableCdromDevice) {
                    order.add("cdrom");
                } else if (d instanceof VirtualMachineBootOptionsBootableFloppyDevice) {
                    order.add("floppy");
                }
            }
        }
        return new VCenterSnapshot.Boot(order.isEmpty() ? null : String.join(",", order), diskKey,
                p.bool("config.bootOptions.efiSecureBootEnabled"));
    }

    /**
     * A CD/DVD or floppy drive that holds an image or a host's device, and is connected or connects at power-on
     * (a powered-off VM's drives are never "connected"); null for an empty or disconnected drive.
     */
    static VCenterSnapshot.Media media(VirtualDevice d) {
        String kind = d instanceof VirtualCdrom ? "cdrom" : d instanceof VirtualFloppy ? "floppy" : null;
        if (kind == null) {
            return null;
        }
        VirtualDeviceConnectInfo c = d.getConnectable();
        if (c == null || !c.isConnected() && !c.isStartConnected()) {
            return null;
        }
        VirtualDeviceBackingInfo b = d.getBacking();
        String what;
        if (b instanceof VirtualDeviceFileBackingInfo f && f.getFileName() != null && !f.getFileName().isBlank()) {
            what = f.getFileName();
        } else if (b instanceof VirtualDeviceDeviceBackingInfo dev) {
            // a host's device (not VirtualDeviceRemoteDeviceBackingInfo: the vSphere client's own drive)
            what = "host device " + (dev.getDeviceName() == null || dev.getDeviceName().isBlank() ? "(auto)" : dev.getDeviceName());
        } else {
            // a client's drive (remote backing) is not part of the VM's data
            return null;
        }
        String label = d.getDeviceInfo() == null ? kind + " " + d.getKey() : d.getDeviceInfo().getLabel();
        return new VCenterSnapshot.Media(d.getKey(), label, kind, what);
    }

    /** What each disk's files take on its datastore (all units of its chain: snapshots' deltas too). */
    private static Map<Integer, Long> actualDiskSizes(Props p) {
        Map<Integer, Long> ret = new HashMap<>();
        if (!(p.get("layoutEx.disk") instanceof VirtualMachineFileLayoutExDiskLayout[] layouts)
                || !(p.get("layoutEx.file") instanceof VirtualMachineFileLayoutExFileInfo[] files)) {
            return ret;
        }
        Map<Integer, Long> fileSizes = new HashMap<>();
        for (VirtualMachineFileLayoutExFileInfo f : files) {
            fileSizes.put(f.getKey(), f.getSize());
        }
        for (VirtualMachineFileLayoutExDiskLayout l : layouts) {
            long sum = 0;
            boolean any = false;
            if (l.getChain() != null) {
                for (VirtualMachineFileLayoutExDiskUnit u : l.getChain()) {
                    if (u.getFileKey() == null) {
                        continue;
                    }
                    for (int k : u.getFileKey()) {
                        Long size = fileSizes.get(k);
                        if (size != null) {
                            sum += size;
                            any = true;
                        }
                    }
                }
            }
            if (any) {
                ret.put(l.getKey(), sum);
            }
        }
        return ret;
    }

    private static VCenterSnapshot.Disk disk(VirtualDisk d, Long actualSize, Map<String, String> datastoreNames,
                                             String controllerType) {
        long capacity = d.getCapacityInBytes() != null ? d.getCapacityInBytes() : d.getCapacityInKB() * 1024;
        String fileName = null;
        String datastore = null;
        Boolean thin = null;
        String diskMode = null;
        String uuid = null;
        String sharing = null;
        String compatibilityMode = null;
        VirtualDeviceBackingInfo b = d.getBacking();
        if (b instanceof VirtualDeviceFileBackingInfo fb) {
            fileName = fb.getFileName();
            datastore = fb.getDatastore() == null ? null : fb.getDatastore().getVal();
        }
        if (b instanceof VirtualDiskFlatVer2BackingInfo f) {
            thin = Boolean.TRUE.equals(f.getThinProvisioned());
            diskMode = f.getDiskMode();
            uuid = f.getUuid();
            sharing = f.getSharing();
        } else if (b instanceof VirtualDiskSparseVer2BackingInfo sp) {
            thin = true;
            diskMode = sp.getDiskMode();
            uuid = sp.getUuid();
        } else if (b instanceof VirtualDiskSeSparseBackingInfo se) {
            thin = true;
            diskMode = se.getDiskMode();
            uuid = se.getUuid();
        } else if (b instanceof VirtualDiskRawDiskMappingVer1BackingInfo rdm) {
            thin = false;
            diskMode = rdm.getDiskMode();
            uuid = rdm.getUuid();
            sharing = rdm.getSharing();
            compatibilityMode = rdm.getCompatibilityMode();
        }
        if (datastore == null && fileName != null && fileName.startsWith("[")) {
            int end = fileName.indexOf(']');
            if (end > 0) {
                datastore = datastoreNames.get(fileName.substring(1, end));
            }
        }
        String label = d.getDeviceInfo() == null ? null : d.getDeviceInfo().getLabel();
        return new VCenterSnapshot.Disk(d.getKey(), label, fileName, datastore, capacity, thin, diskMode,
                b == null ? null : b.getClass().getSimpleName(), uuid, d.getControllerKey(), d.getUnitNumber(), actualSize,
                sharing, compatibilityMode, controllerType);
    }

    private static VCenterSnapshot.Nic nic(VirtualEthernetCard c, Map<String, VCenterSnapshot.Network> portgroupsByKey) {
        String network = null;
        String networkName = null;
        String type = null;
        String portgroupKey = null;
        String switchUuid = null;
        VirtualDeviceBackingInfo b = c.getBacking();
        if (b instanceof VirtualEthernetCardNetworkBackingInfo nb) {
            networkName = nb.getDeviceName();
            network = nb.getNetwork() == null ? null : nb.getNetwork().getVal();
            type = "Standard";
        } else if (b instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo db && db.getPort() != null) {
            portgroupKey = db.getPort().getPortgroupKey();
            switchUuid = db.getPort().getSwitchUuid();
            VCenterSnapshot.Network pg = portgroupKey == null ? null : portgroupsByKey.get(portgroupKey);
            network = pg == null ? null : pg.morval();
            networkName = pg == null ? null : pg.name();
            type = "Distributed";
        } else if (b instanceof VirtualEthernetCardOpaqueNetworkBackingInfo ob) {
            networkName = ob.getOpaqueNetworkId();
            type = "Opaque";
        }
        boolean connected = c.getConnectable() != null && c.getConnectable().isConnected();
        return new VCenterSnapshot.Nic(c.getKey(), c.getMacAddress(), adapterType(c), network, networkName, type,
                portgroupKey, switchUuid, connected);
    }

    static String adapterType(VirtualEthernetCard c) {
        return switch (c.getClass().getSimpleName()) {
            case "VirtualVmxnet3" -> "vmxnet3";
            case "VirtualVmxnet3Vrdma" -> "vmxnet3vrdma";
            case "VirtualVmxnet2" -> "vmxnet2";
            case "VirtualVmxnet" -> "vmxnet";
            case "VirtualE1000e" -> "e1000e";
            case "VirtualE1000" -> "e1000";
            case "VirtualPCNet32" -> "pcnet32";
            case "VirtualSriovEthernetCard" -> "sriov";
            default -> c.getClass().getSimpleName();
        };
    }

    private Map<String, VCenterSnapshot.Datastore> readDatastores(List<ManagedObjectReference> refs, Map<String, String> dcOf,
                                                                 VCenterSnapshot s) throws Exception {
        Map<String, VCenterSnapshot.Datastore> ret = new LinkedHashMap<>();
        for (Props p : objectsOf(refs, Map.of("Datastore", DATASTORE_PROPS))) {
            Long cap = p.lng("summary.capacity");
            Long free = p.lng("summary.freeSpace");
            VCenterSnapshot.Datastore d = new VCenterSnapshot.Datastore(p.morval(), p.str("name"), dcOf.get(p.morval()),
                    p.str("summary.type"), p.str("summary.url"), cap == null ? 0 : cap, free == null ? 0 : free,
                    p.get("summary.accessible") == null || p.bool("summary.accessible"));
            ret.put(d.morval(), d);
            s.datastores.add(d);
        }
        return ret;
    }

    private Map<String, VCenterSnapshot.Network> readNetworks(List<ManagedObjectReference> refs, Map<String, String> dcOf,
                                                             Set<String> switchRefs, VCenterSnapshot s) throws Exception {
        Map<String, String[]> specs = new LinkedHashMap<>();
        specs.put("Network", NETWORK_PROPS);
        specs.put("DistributedVirtualPortgroup", PORTGROUP_PROPS);
        List<Props> nets = objectsOf(refs, specs);
        // the switches of the portgroups: their names, uuids and uplink portgroups
        Map<String, ManagedObjectReference> switches = new LinkedHashMap<>();
        for (Props p : nets) {
            ManagedObjectReference sw = p.mor("config.distributedVirtualSwitch");
            if (sw != null) {
                switches.putIfAbsent(sw.getVal(), sw);
            }
        }
        Map<String, Props> switchProps = new HashMap<>();
        for (Props p : objectsOf(new ArrayList<>(switches.values()), Map.of("DistributedVirtualSwitch", SWITCH_PROPS))) {
            switchProps.put(p.morval(), p);
        }
        Set<String> uplinks = new HashSet<>();
        for (Props sw : switchProps.values()) {
            sw.refs("config.uplinkPortgroup").forEach(r -> uplinks.add(r.getVal()));
        }
        Map<String, VCenterSnapshot.Network> ret = new LinkedHashMap<>();
        for (Props p : nets) {
            VCenterSnapshot.Network n;
            if (p.type().equals("DistributedVirtualPortgroup")) {
                Props sw = switchProps.get(p.ref("config.distributedVirtualSwitch"));
                Integer vlan = null;
                if (p.get("config.defaultPortConfig") instanceof VMwareDVSPortSetting ps
                        && ps.getVlan() instanceof VmwareDistributedVirtualSwitchVlanIdSpec id) {
                    vlan = id.getVlanId();
                }
                String key = p.str("key");
                n = new VCenterSnapshot.Network(p.morval(), p.str("name"), dcOf.get(p.morval()), "Distributed",
                        sw == null ? null : sw.str("name"), sw == null ? null : sw.str("uuid"), key == null ? p.morval() : key,
                        vlan, uplinks.contains(p.morval()));
            } else {
                n = new VCenterSnapshot.Network(p.morval(), p.str("name"), dcOf.get(p.morval()),
                        p.type().equals("OpaqueNetwork") ? "Opaque" : "Standard", null, null, null, null, false);
            }
            ret.put(n.morval(), n);
            s.networks.add(n);
        }
        return ret;
    }

    /** The properties of the objects in a container, through a container view destroyed afterwards. */
    private List<Props> viewOf(ManagedObjectReference container, Map<String, String[]> specs) throws Exception {
        ContainerView view = si.getViewManager().createContainerView(
                MorUtil.createExactManagedEntity(si.getServerConnection(), container), specs.keySet().toArray(new String[0]), true);
        try {
            ObjectSpec os = new ObjectSpec();
            os.setObj(view.getMOR());
            os.setSkip(true);
            TraversalSpec ts = new TraversalSpec();
            ts.setName("traverseView");
            ts.setType("ContainerView");
            ts.setPath("view");
            ts.setSkip(false);
            os.setSelectSet(new SelectionSpec[]{ts});
            return retrieve(new ObjectSpec[]{os}, specs);
        } finally {
            try {
                view.destroyView();
            } catch (Exception ignored) {
                // the view dies with the session anyway
            }
        }
    }

    /** The properties of the given objects. */
    private List<Props> objectsOf(List<ManagedObjectReference> refs, Map<String, String[]> specs) throws Exception {
        if (refs.isEmpty()) {
            return new ArrayList<>();
        }
        ObjectSpec[] objs = new ObjectSpec[refs.size()];
        for (int i = 0; i < refs.size(); i++) {
            ObjectSpec os = new ObjectSpec();
            os.setObj(refs.get(i));
            os.setSkip(false);
            objs[i] = os;
        }
        return retrieve(objs, specs);
    }

    private List<Props> retrieve(ObjectSpec[] objs, Map<String, String[]> specs) throws Exception {
        List<PropertySpec> props = new ArrayList<>();
        specs.forEach((type, paths) -> {
            PropertySpec ps = new PropertySpec();
            ps.setType(type);
            ps.setAll(false);
            ps.setPathSet(paths);
            props.add(ps);
        });
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(objs);
        spec.setPropSet(props.toArray(new PropertySpec[0]));
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(PAGE);
        List<Props> ret = new ArrayList<>();
        RetrieveResult r = pc.retrievePropertiesEx(new PropertyFilterSpec[]{spec}, options);
        while (r != null) {
            if (r.getObjects() != null) {
                for (ObjectContent oc : r.getObjects()) {
                    ret.add(new Props(oc));
                }
            }
            if (r.getToken() == null) {
                break;
            }
            r = pc.continueRetrievePropertiesEx(r.getToken());
        }
        return ret;
    }
}
