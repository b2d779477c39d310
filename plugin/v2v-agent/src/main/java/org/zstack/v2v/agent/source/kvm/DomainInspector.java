package org.zstack.v2v.agent.source.kvm;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainBlockInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;
import org.zstack.agent.AgentException;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Describes source domains: the XML's facts ({@link KvmDomainXml}) completed with what only the source's libvirt
 * knows: the power state, where a pool volume lives, and each disk's sizes.
 */
final class DomainInspector {
    private static final Logger logger = Logger.getLogger(DomainInspector.class.getName());

    private final SourceLibvirt source;

    DomainInspector(SourceLibvirt source) {
        this.source = source;
    }

    /** Every domain, running or defined and shut off; one that disappears while we look is left out. */
    List<KvmDomain> all() throws LibvirtException {
        Connect c = source.connect();
        List<Domain> domains = new ArrayList<>();
        for (int id : c.listDomains()) {
            lookup(() -> c.domainLookupByID(id), domains);
        }
        for (String name : c.listDefinedDomains()) {
            lookup(() -> c.domainLookupByName(name), domains);
        }
        List<KvmDomain> result = new ArrayList<>();
        for (Domain d : domains) {
            try {
                result.add(describe(d));
            } catch (LibvirtException e) {
                if (!isGone(e)) {
                    throw e;
                }
            }
        }
        return result;
    }

    private interface DomainLookup {
        Domain get() throws LibvirtException;
    }

    private void lookup(DomainLookup l, List<Domain> into) throws LibvirtException {
        try {
            Domain d = l.get();
            into.add(source.hold(d, d::free));
        } catch (LibvirtException e) {
            if (!isGone(e)) {
                throw e;
            }
        }
    }

    /**
     * @throws AgentException when no domain has that uuid
     */
    Domain byUuid(String uuid) throws LibvirtException {
        Domain d = byUuidOrNull(uuid);
        if (d == null) {
            throw new AgentException(String.format("domain %s is no longer on %s: it was removed or renamed since it"
                    + " was listed", uuid, source.uri()));
        }
        return d;
    }

    /** null when no domain has that uuid (or it is not a uuid at all, which libvirt answers alike) */
    Domain byUuidOrNull(String uuid) throws LibvirtException {
        try {
            Domain d = source.connect().domainLookupByUUIDString(uuid);
            return source.hold(d, d::free);
        } catch (LibvirtException e) {
            if (isGone(e) || code(e) == ErrorNumber.VIR_ERR_INVALID_ARG) {
                return null;
            }
            throw e;
        }
    }

    KvmDomain describe(Domain d) throws LibvirtException {
        KvmDomain k = KvmDomainXml.parse(d.getXMLDesc(0));
        k.state = SourceDomainStates.of(d).name();
        for (KvmDisk disk : k.disks) {
            if ("volume".equals(disk.type) && disk.supported) {
                resolveVolume(disk);
            } else if ("file".equals(disk.type) && disk.path != null && !disk.backing) {
                backingOfPoolFile(disk);
            }
            measure(d, disk);
        }
        return k;
    }

    /** A pool volume is copied through its path on the source host, as a file or block disk would be. */
    private void resolveVolume(KvmDisk disk) {
        try {
            StorageVol vol = volume(disk.pool, disk.volume);
            disk.path = vol.getPath();
            KvmDomainXml.VolumeFacts facts = KvmDomainXml.volume(vol.getXMLDesc(0));
            disk.backing |= facts.backing();
            if ("network".equals(facts.type()) || "netdir".equals(facts.type())) {
                disk.unsupported(String.format("disk %s is volume %s of pool %s, on network storage: not supported",
                        disk.target, disk.volume, disk.pool));
            }
        } catch (LibvirtException e) {
            disk.unsupported(String.format("disk %s: volume %s of pool %s cannot be found (%s)", disk.target,
                    disk.volume, disk.pool, source.describe(e)));
        }
    }

    /**
     * A shut-off domain's XML has no backing chain (libvirt reads it only when it starts the domain); when the file is
     * a volume of some pool, the pool knows. A file outside every pool stays "no backing" as far as we can tell.
     */
    private void backingOfPoolFile(KvmDisk disk) {
        try {
            StorageVol vol = source.connect().storageVolLookupByPath(disk.path);
            source.hold(vol, vol::free);
            disk.backing |= KvmDomainXml.volume(vol.getXMLDesc(0)).backing();
        } catch (LibvirtException e) {
            // in no pool: nothing more to learn
        }
    }

    /**
     * blockInfo answers for shut-off domains too (libvirt opens the file itself); for a volume, the pool's own
     * numbers are the fallback. The source's files cannot be examined from here otherwise, so a disk without a
     * size cannot be migrated: the target volume would have no size.
     */
    private void measure(Domain d, KvmDisk disk) {
        if (disk.target == null || !disk.supported) {
            // refused already (network storage, no source): there is no size to read
            return;
        }
        try {
            DomainBlockInfo info = d.blockInfo(disk.target);
            disk.capacity = info.getCapacity();
            disk.allocation = info.getAllocation();
        } catch (LibvirtException e) {
            String why = source.describe(e);
            if (volumeInfo(disk)) {
                return;
            }
            logger.info(String.format("no size for disk %s of a domain on %s: %s", disk.target, source.uri(), why));
            disk.unsupported(String.format("disk %s: its size cannot be read on the source (%s)", disk.target, why));
        }
        if (disk.capacity <= 0) {
            disk.unsupported(String.format("disk %s: the source reports no size for it", disk.target));
        }
    }

    private boolean volumeInfo(KvmDisk disk) {
        if (disk.pool == null || disk.volume == null) {
            return false;
        }
        try {
            StorageVolInfo info = volume(disk.pool, disk.volume).getInfo();
            disk.capacity = info.capacity;
            disk.allocation = info.allocation;
            return disk.capacity > 0;
        } catch (LibvirtException e) {
            return false;
        }
    }

    private StorageVol volume(String poolName, String volumeName) throws LibvirtException {
        StoragePool pool = source.connect().storagePoolLookupByName(poolName);
        source.hold(pool, pool::free);
        StorageVol vol = pool.storageVolLookupByName(volumeName);
        return source.hold(vol, vol::free);
    }

    static ErrorNumber code(LibvirtException e) {
        try {
            return e.getError() == null ? null : e.getError().getCode();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    static boolean isGone(LibvirtException e) {
        return code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN;
    }
}
