package org.zstack.testlib.guest

/**
 * A vSphere-simulator fixture (see testlib/src/main/go/README.md) whose VMs are copies of the {@link GuestImage}:
 * each has the image's three disks (root, data, data2: SCSI 0:0-0:2, so sda, sdb, sdc as the guest's fstab
 * expects) and one vmxnet3 NIC on "VM Network", as a Debian 11 VM on ESXi would.
 *
 * <pre>
 *   def fixture = new VmwareGuestFixture()
 *           .vm("debian-1", mac: "00:50:56:3f:00:01")
 *           .vm("debian-2", powerState: "poweredOn")
 *   def vc = VCenterSimulator.start(fixture.build())
 * </pre>
 *
 * The simulator copies each source into its datastore keeping the holes (a reflink where the file system can;
 * ext4 here cannot), so a VM costs what the image holds (some hundred MiB), not its 2.4 GiB of capacity; the
 * copies also keep the simulator's disk writes away from the cached image. (sourceMode symlink would cost
 * nothing, but a write through the simulator would then change the image of every later test.)
 */
class VmwareGuestFixture {
    static final String NETWORK = "VM Network"
    static final String NIC_TYPE = "vmxnet3"
    static final String GUEST_ID = "debian11_64Guest"
    /** generated MACs: VMware's manual range 00:50:56:00-3f, and a block of it nothing else in the tests uses */
    static final String MAC_PREFIX = "00:50:56:3f:5a:"

    final GuestImage image
    /** where the VMs go; build() makes this datacenter with one cluster of {@link #hosts} hosts and one datastore */
    String datacenter = "DC0"
    String cluster = "DC0_C0"
    int hosts = 2
    String datastore = "DC0_DS0"
    private final List<Map> vms = []

    VmwareGuestFixture(GuestImage image = GuestImage.get()) {
        this.image = image
    }

    /**
     * Adds a VM of the image. Options (all optional): {@code mac} (default {@link #MAC_PREFIX} + its number),
     * {@code powerState} (poweredOff), {@code cpu} (1), {@code memoryMB} (512), {@code network} ("VM Network"),
     * {@code nicType} (vmxnet3), {@code dataDisks} (true; false gives the root disk only), {@code host},
     * {@code cbt} (false), {@code firmware} (bios), and any other VMSpec field of fixture.go, passed as it is.
     */
    VmwareGuestFixture vm(Map opts = [:], String name) {
        vms << vmSpec(opts, name, vms.size() + 1)
        return this
    }

    /** adds one VM per name, all with the same options (a given mac would repeat: leave it to the default) */
    VmwareGuestFixture vms(Map opts = [:], List<String> names) {
        names.each { vm(opts, it) }
        return this
    }

    /** the VM entries so far, as they go into the fixture's "vms" */
    List<Map> getVms() { vms.asImmutable() }

    /** the MAC of the n-th VM added without one (n from 1) */
    static String mac(int n) {
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException("VM number ${n} is outside 1..255")
        }
        return MAC_PREFIX + String.format("%02x", n)
    }

    Map vmSpec(Map opts, String name, int number) {
        Map o = new LinkedHashMap(opts)
        boolean withData = o.containsKey("dataDisks") ? o.remove("dataDisks") as boolean : true
        List<Map> disks = [disk(image.rootRaw)]
        if (withData) {
            disks += image.dataDisks.collect { disk(it.raw) }
        }
        Map nic = [mac    : (o.remove("mac") ?: mac(number)) as String,
                   network: (o.remove("network") ?: NETWORK) as String,
                   type   : (o.remove("nicType") ?: NIC_TYPE) as String]
        Map spec = [name      : name,
                    datacenter: datacenter,
                    cluster   : cluster,
                    datastore : datastore,
                    guestId   : GUEST_ID,
                    firmware  : "bios",
                    powerState: "poweredOff",
                    cpu       : 1,
                    memoryMB  : 512,
                    // VMware Paravirtual, vSphere's choice for Debian 10+ (the guest's initramfs has vmw_pvscsi)
                    scsiController: "pvscsi",
                    // what VMware Tools of a powered-on guest would report
                    hostName  : GuestImage.HOSTNAME,
                    nics      : [nic],
                    disks     : disks]
        spec.putAll(o)
        return spec
    }

    /** a thin disk copied from a raw image (the flat extent has the same bytes; raw needs no descriptor parsing) */
    private static Map disk(java.nio.file.Path source) {
        return [source: source.toString(), sourceMode: "copy", thin: true]
    }

    /**
     * The fixture: the datacenter with its cluster, datastore and "VM Network" (every datacenter has it), no
     * generated VMs nor distributed switches, and the VMs added; {@code extra} adds or overrides top-level fields
     * (exportFormat, leaseTimeoutSeconds, ...). The export lease serves streamOptimized VMDKs, as a real ESXi does;
     * {@code exportFormat: "flat"} serves the raw disks (with Range) instead.
     */
    Map build(Map extra = [:]) {
        Map fixture = [exportFormat: "streamOptimized",
                       datacenters: [[name      : datacenter,
                                      clusters  : [[name: cluster, hosts: hosts]],
                                      datastores: [datastore],
                                      dvSwitches: 0,
                                      vms       : 0]],
                       vms        : vms.collect { new LinkedHashMap(it) }]
        fixture.putAll(extra)
        return fixture
    }
}
