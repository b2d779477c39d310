package org.zstack.v2v.source.kvm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.KvmVmDiskInventory;
import org.zstack.v2v.KvmVmInventory;
import org.zstack.v2v.KvmVmNicInventory;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.source.MigrationSource;
import org.zstack.v2v.source.PrepareSpec;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceAccess;
import org.zstack.v2v.source.SourceVm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.zstack.core.Platform.err;

/**
 * A libvirt host of any KVM platform as a migration source ({@code kvm://<libvirt URI>#<domain>}). The management
 * node keeps no inventory of it: the conversion host's agent reads the domain over libvirt when a migration is
 * submitted and again when it starts. Cold only: a shut-off domain is read as it is; a running one is paused for the
 * copy when pauseVm asks (resumed once its disks are copied, or kept paused and shut down after a success when
 * asked), else refused. Its disks are
 * read over SSH next to the data (see PROTOCOL.md, ssh:// disks).
 */
public class KvmMigrationSource implements MigrationSource {
    private static final Logger logger = LoggerFactory.getLogger(KvmMigrationSource.class);
    /** A submission of many VMs of one host lists it once. */
    private static final long LISTING_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

    static final String HANDLE_LIBVIRT_URI = "libvirtURI";
    static final String HANDLE_DOMAIN = "domainUuid";
    static final String HANDLE_PAUSED_BY_US = "pausedByUs";
    static final String HANDLE_SHUTDOWN_AFTER_SUCCESS = "shutdownAfterSuccess";

    @Autowired
    private KvmHostLister lister;

    private record Listing(long at, V2VAgentCommands.KvmListVmsRsp rsp) {
    }

    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    @Override
    public String getScheme() {
        return KvmSourceUrl.SCHEME;
    }

    @Override
    public void find(String ref, SourceAccess access, ReturnValueCompletion<SourceVm> completion) {
        KvmSourceUrl url;
        V2VConversionHostVO ch;
        try {
            url = KvmSourceUrl.parse(ref);
            ch = lister.conversionHost(access.conversionHostUuid, "KVM domain " + url.domain());
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
            return;
        }
        String cacheKey = ch.getUuid() + " " + url.libvirtUri().text();
        Listing cached = listings.get(cacheKey);
        // a recent listing serves the other VMs of a batch; a domain it lacks may be new: the host is asked again
        if (cached != null && System.nanoTime() - cached.at < LISTING_TTL_NANOS && domainOf(url, cached.rsp) != null) {
            pick(url, cached.rsp, completion);
            return;
        }
        try {
            lister.listVms(ch, url.libvirtUri(), access.sshPrivKey, new ReturnValueCompletion<>() {
                @Override
                public void success(V2VAgentCommands.KvmListVmsRsp rsp) {
                    listings.put(cacheKey, new Listing(System.nanoTime(), rsp));
                    pick(url, rsp, completion);
                }

                @Override
                public void fail(ErrorCode e) {
                    completion.fail(e);
                }
            });
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
        }
    }

    private void pick(KvmSourceUrl url, V2VAgentCommands.KvmListVmsRsp rsp, ReturnValueCompletion<SourceVm> completion) {
        List<KvmVmInventory> vms = rsp.vms == null ? List.of() : rsp.vms;
        KvmVmInventory d = domainOf(url, rsp);
        if (d == null) {
            completion.fail(err(V2VErrors.SOURCE_VM_NOT_FOUND, "KVM host %s has no domain %s (it has %s)",
                    url.libvirtUri().text(), url.domain(), vms.stream().map(KvmVmInventory::getName).collect(Collectors.toList())));
            return;
        }
        for (KvmVmDiskInventory disk : d.getDisks()) {
            if (!Boolean.TRUE.equals(disk.getSupported())) {
                completion.fail(err(V2VErrors.UNSUPPORTED_SOURCE_DISK, "domain %s cannot be migrated: %s", d.getName(),
                        disk.getUnsupportedReason() != null ? disk.getUnsupportedReason()
                                : String.format("disk %s (%s) cannot be read", disk.getTarget(), disk.getType())));
                return;
            }
        }
        completion.success(toSourceVm(url.libvirtUri(), d));
    }

    /** The domain the url names, by uuid (any case) or else by name; null when the listing lacks it. */
    private static KvmVmInventory domainOf(KvmSourceUrl url, V2VAgentCommands.KvmListVmsRsp rsp) {
        List<KvmVmInventory> vms = rsp.vms == null ? List.of() : rsp.vms;
        return vms.stream().filter(v -> url.domain().equalsIgnoreCase(v.getUuid())).findFirst()
                .orElse(vms.stream().filter(v -> url.domain().equals(v.getName())).findFirst().orElse(null));
    }

    static SourceVm toSourceVm(LibvirtUri uri, KvmVmInventory d) {
        SourceVm vm = new SourceVm();
        // the node's columns hold 32-character uuids; libvirt's own form (with dashes) is the external id
        vm.uuid = d.getUuid().replace("-", "").toLowerCase();
        vm.externalId = d.getUuid();
        vm.sourceUuid = uri.text();
        vm.name = d.getName();
        vm.cpuNum = d.getCpuNum() == null ? 1 : d.getCpuNum();
        vm.memorySize = d.getMemorySize() == null ? 0 : d.getMemorySize();
        // libvirt does not know the guest OS; the administrator's platform choice overrides this
        vm.platform = "Linux";
        vm.bootMode = "uefi".equalsIgnoreCase(d.getFirmware()) ? "UEFI" : "BIOS";
        vm.coldOnly = true;
        vm.powerState = switch (d.getState() == null ? "" : d.getState()) {
            case "running" -> "Running";
            case "paused" -> "Paused";
            case "shutoff" -> "Stopped";
            default -> "Unknown";
        };
        for (KvmVmDiskInventory k : d.getDisks()) {
            SourceVm.Disk disk = new SourceVm.Disk();
            disk.index = k.getIndex();
            disk.name = k.getTarget();
            disk.capacity = k.getCapacity() == null ? 0 : k.getCapacity();
            disk.deviceKey = k.getTarget();
            disk.bus = convertibleBus(k.getBus());
            vm.disks.add(disk);
        }
        int i = 0;
        for (KvmVmNicInventory n : d.getNics()) {
            SourceVm.Nic nic = new SourceVm.Nic();
            nic.deviceIndex = i++;
            nic.mac = n.getMac() == null ? null : n.getMac().toLowerCase();
            nic.networkName = n.getNetworkName();
            vm.nics.add(nic);
        }
        return vm;
    }

    /**
     * The libvirt target bus as the conversion takes it: scsi, sata, ide and virtio are what virt-v2v's input names;
     * another bus (usb, xen) is left unknown, and the conversion reads it as SCSI, its nearest kind (sdX names).
     */
    static String convertibleBus(String libvirtBus) {
        if (libvirtBus == null) {
            return null;
        }
        String b = libvirtBus.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (b) {
            case "scsi", "sata", "ide", "virtio" -> b;
            default -> null;
        };
    }

    @Override
    public void prepare(SourceVm vm, PrepareSpec spec, SourceAccess access, ReturnValueCompletion<PreparedSource> completion) {
        LibvirtUri uri = LibvirtUri.parse(vm.sourceUuid);
        V2VAgentCommands.KvmPrepareVmCmd cmd = new V2VAgentCommands.KvmPrepareVmCmd();
        cmd.jobUuid = spec.jobUuid;
        cmd.domainUuid = vm.externalId;
        cmd.pause = spec.powerOff;
        try {
            lister.prepareVm(access.conversionHostHostUuid, uri, access.sshPrivKey, cmd, new ReturnValueCompletion<>() {
                @Override
                public void success(V2VAgentCommands.KvmPrepareVmRsp rsp) {
                    PreparedSource p = new PreparedSource();
                    p.scheme = KvmSourceUrl.SCHEME;
                    p.vmUuid = vm.uuid;
                    p.handle.put(HANDLE_LIBVIRT_URI, uri.text());
                    p.handle.put(HANDLE_DOMAIN, vm.externalId);
                    p.handle.put(HANDLE_PAUSED_BY_US, String.valueOf(rsp.pausedByUs));
                    p.handle.put(HANDLE_SHUTDOWN_AFTER_SUCCESS, String.valueOf(spec.shutdownAfterSuccess));
                    ErrorCode changed = disksChanged(vm, rsp.vm);
                    if (changed != null) {
                        // what was checked at submission no longer holds; leave the domain as it was found
                        release(p, false, access, new Completion() {
                            @Override
                            public void success() {
                                completion.fail(changed);
                            }

                            @Override
                            public void fail(ErrorCode e) {
                                completion.fail(changed);
                            }
                        });
                        return;
                    }
                    // qemu holds a running or paused domain's images: qemu-nbd must share them, read-only
                    boolean inUse = !"shutoff".equals(rsp.initialState);
                    p.readPath = PreparedSource.READ_SSH_NBD;
                    p.readPathReason = rsp.pausedByUs
                            ? "the domain was paused for the copy; qemu-nbd reads its images on the source host, over an SSH tunnel"
                            : inUse ? "the domain runs; qemu-nbd shares its images read-only on the source host, over an SSH tunnel"
                                    : "the domain is shut off; qemu-nbd reads its images on the source host, over an SSH tunnel";
                    for (KvmVmDiskInventory k : rsp.vm.getDisks()) {
                        PreparedSource.DiskRead r = new PreparedSource.DiskRead();
                        r.index = k.getIndex();
                        r.url = uri.sshDiskUrl(k.getPath(), k.getFormat() == null ? "raw" : k.getFormat(), inUse);
                        r.capacity = k.getCapacity() == null ? 0 : k.getCapacity();
                        p.disks.add(r);
                    }
                    completion.success(p);
                }

                @Override
                public void fail(ErrorCode e) {
                    completion.fail(e);
                }
            });
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
        }
    }

    /** The domain's disks must still be those the job was planned with (count, order and size). */
    private static ErrorCode disksChanged(SourceVm planned, KvmVmInventory now) {
        if (now == null || now.getDisks().size() != planned.disks.size()) {
            return err(V2VErrors.SOURCE_FAILED, "the disks of domain %s changed since the migration was submitted"
                    + " (%d then, %d now); submit it again", planned.name, planned.disks.size(),
                    now == null ? 0 : now.getDisks().size());
        }
        for (SourceVm.Disk d : planned.disks) {
            KvmVmDiskInventory k = now.getDisks().stream().filter(x -> x.getIndex() == d.index).findFirst().orElse(null);
            if (k == null || k.getCapacity() == null || k.getCapacity() != d.capacity) {
                return err(V2VErrors.SOURCE_FAILED, "disk %s of domain %s changed since the migration was submitted;"
                        + " submit it again", d.name, planned.name);
            }
        }
        return null;
    }

    /**
     * A domain paused for the copy runs again as soon as its disks are copied: its downtime is the copy, not the
     * conversion. One to be shut down after a success stays paused until then, so it never diverges from the copy.
     */
    @Override
    public void disksCopied(PreparedSource prepared, SourceAccess access, Completion completion) {
        Map<String, String> h = prepared.handle;
        if (!Boolean.parseBoolean(h.get(HANDLE_PAUSED_BY_US)) || Boolean.parseBoolean(h.get(HANDLE_SHUTDOWN_AFTER_SUCCESS))) {
            completion.success();
            return;
        }
        resumeOrShutDown(prepared, access, false, () -> {
            // resumed: release has nothing left to undo
            h.put(HANDLE_PAUSED_BY_US, "false");
            completion.success();
        }, completion::success);
    }

    @Override
    public void release(PreparedSource prepared, boolean migrationSucceeded, SourceAccess access, Completion completion) {
        Map<String, String> h = prepared.handle;
        if (!Boolean.parseBoolean(h.get(HANDLE_PAUSED_BY_US))) {
            // nothing was changed on the source: a shut-off domain stays off, one paused by someone else stays paused
            completion.success();
            return;
        }
        boolean shutdown = migrationSucceeded && Boolean.parseBoolean(h.get(HANDLE_SHUTDOWN_AFTER_SUCCESS));
        resumeOrShutDown(prepared, access, shutdown, completion::success, completion::success);
    }

    /** Resumes the paused domain (then shuts it down when asked); a failure is logged, then {@code failed} runs. */
    private void resumeOrShutDown(PreparedSource prepared, SourceAccess access, boolean shutdown, Runnable done, Runnable failed) {
        Map<String, String> h = prepared.handle;
        V2VAgentCommands.KvmReleaseVmCmd cmd = new V2VAgentCommands.KvmReleaseVmCmd();
        cmd.domainUuid = h.get(HANDLE_DOMAIN);
        cmd.resume = true;
        cmd.shutdown = shutdown;
        try {
            lister.releaseVm(access.conversionHostHostUuid, LibvirtUri.parse(h.get(HANDLE_LIBVIRT_URI)), access.sshPrivKey,
                    cmd, new ReturnValueCompletion<>() {
                        @Override
                        public void success(V2VAgentCommands.KvmReleaseVmRsp rsp) {
                            logger.info("source domain {} {} ({})", cmd.domainUuid, shutdown ? "shut down" : "resumed", rsp.state);
                            done.run();
                        }

                        @Override
                        public void fail(ErrorCode e) {
                            logger.warn("cannot release source domain {}: {}", cmd.domainUuid, e);
                            failed.run();
                        }
                    });
        } catch (OperationFailureException e) {
            logger.warn("cannot release source domain {}: {}", cmd.domainUuid, e.getErrorCode());
            failed.run();
        }
    }
}
