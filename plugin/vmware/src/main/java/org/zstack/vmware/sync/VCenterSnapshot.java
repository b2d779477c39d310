package org.zstack.vmware.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sync read from a vCenter, before any of it is stored: the new picture, complete, or nothing. Objects
 * are named by their managed object reference value (morval), which is unique within one vCenter.
 */
public class VCenterSnapshot {
    public String version;
    public String apiVersion;
    /** about.instanceUuid */
    public String instanceUuid;
    public final List<Datacenter> datacenters = new ArrayList<>();
    public final List<ComputeResource> computeResources = new ArrayList<>();
    public final List<Host> hosts = new ArrayList<>();
    public final List<ResourcePool> resourcePools = new ArrayList<>();
    public final List<Datastore> datastores = new ArrayList<>();
    public final List<Network> networks = new ArrayList<>();
    public final List<Vm> vms = new ArrayList<>();

    public record Datacenter(String morval, String name) {
    }

    /** A cluster, or a standalone host's compute resource (which ZStack shows as a cluster of that one host). */
    public record ComputeResource(String morval, String name, String datacenter, boolean cluster) {
    }

    public record Host(String morval, String name, String datacenter, String computeResource, String version,
                       String build, String cpuModel, Integer cpuThreads, Long memorySize, Long memoryUsageBytes,
                       String connectionState, boolean maintenance, List<String> datastores) {
    }

    /** parent null: the root pool of its compute resource. */
    public record ResourcePool(String morval, String name, String owner, String parent,
                               Long cpuLimit, Long cpuOverheadLimit, Long cpuReservation, Long cpuShares, String cpuLevel,
                               Long memoryLimit, Long memoryOverheadLimit, Long memoryReservation, Long memoryShares,
                               String memoryLevel) {
    }

    public record Datastore(String morval, String name, String datacenter, String type, String url, long capacity,
                            long freeSpace, boolean accessible) {
    }

    /** type: Standard, Distributed or Opaque. */
    public record Network(String morval, String name, String datacenter, String type, String dvSwitchName,
                          String dvSwitchUuid, String portgroupKey, Integer vlanId, boolean uplink) {
    }

    public record Vm(String morval, String name, String datacenter, String host, String resourcePool,
                     String instanceUuid, String biosUuid, String guestId, String guestFullName, String firmware,
                     int cpuNum, Integer coresPerSocket, long memoryMB, String powerState, String vmxVersion,
                     String annotation, boolean changeTrackingEnabled, String vmPathName,
                     List<Disk> disks, List<Nic> nics, Boot boot, boolean encrypted, List<Media> media) {
    }

    /**
     * config.bootOptions: the boot order as vSphere keeps it ("disk:2001,cdrom,ethernet:4000,floppy"; null when the
     * VM has none, and the firmware's own order applies), the boot disk's key (the first disk of that order) and EFI
     * secure boot.
     */
    public record Boot(String order, Integer diskKey, boolean secureBoot) {
    }

    /** A CD/DVD or floppy drive with something in it: kind cdrom or floppy; what: the image file or host device. */
    public record Media(int key, String label, String kind, String what) {
    }

    public record Disk(int key, String label, String fileName, String datastore, long capacityBytes, Boolean thin,
                       String diskMode, String backingType, String diskUuid, Integer controllerKey, Integer unitNumber,
                       Long actualSize, String sharing, String compatibilityMode, String controllerType) {
    }

    /** network: the morval of the portgroup (standard or distributed) the NIC is on, when known. */
    public record Nic(int key, String mac, String adapterType, String network, String networkName, String networkType,
                      String portgroupKey, String dvSwitchUuid, boolean connected) {
    }
}
