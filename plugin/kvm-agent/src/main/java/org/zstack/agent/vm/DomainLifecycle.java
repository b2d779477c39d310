package org.zstack.agent.vm;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.zstack.agent.AgentException;
import org.zstack.agent.host.LibvirtAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Defines, starts, destroys and reads domains through a read-write libvirt connection. Every operation is
 * idempotent, because the node retries a command whose answer it lost.
 */
final class DomainLifecycle {
    private static final Logger logger = Logger.getLogger(DomainLifecycle.class.getName());

    /**
     * virDomainUndefineFlags: drop the NVRAM file of a UEFI VM with it (else it is left behind in
     * /var/lib/libvirt/qemu/nvram, and libvirt refuses to undefine while it exists), a managed-save image and
     * snapshot metadata (else libvirt refuses too): destroying a VM means nothing of it stays.
     * libvirt-java 0.5.2 names only the last two.
     */
    static final int UNDEFINE_FLAGS = Domain.UndefineFlags.MANAGED_SAVE | Domain.UndefineFlags.SNAPSHOTS_METADATA
            | 4 /* VIR_DOMAIN_UNDEFINE_NVRAM */;

    /**
     * Start and destroy of one VM must not interleave (a retried start racing a destroy would leave a domain
     * behind); different VMs need not wait for each other. Striped rather than one lock per VM: bounded memory.
     */
    private final ReentrantLock[] locks = new ReentrantLock[64];

    private final LibvirtAccess libvirt;

    DomainLifecycle(LibvirtAccess libvirt) {
        this.libvirt = libvirt;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Defines the domain (again, when it exists and is stopped: the node's definition wins) and starts it when asked.
     * A domain that already runs is left as it is: this is a retry of a start that succeeded.
     *
     * @return the domain's state afterwards, in ZStack's words
     */
    String defineAndStart(DomainDefinition d, boolean start) {
        return locked(d.uuid(), () -> {
            Connect conn = libvirt.connection();
            Domain existing = lookup(conn, d.uuid());
            if (existing != null) {
                try {
                    if (call(() -> existing.isActive() == 1, "read the state of VM " + d.name())) {
                        String state = call(() -> DomainStates.of(existing), "read the state of VM " + d.name());
                        logger.info(String.format("VM %s is already active (%s); left as it is", d.name(), state));
                        return state;
                    }
                } finally {
                    free(existing);
                }
            }
            String xml = DomainXmlBuilder.toXml(d);
            logger.info(String.format("defining VM %s:%n%s", d.name(), xml));
            Domain dom = call(() -> conn.domainDefineXML(xml), "define VM " + d.name());
            try {
                if (start) {
                    long t0 = System.nanoTime();
                    call(dom::create, "start VM " + d.name());
                    logger.info(String.format("started VM %s in %d ms", d.name(), (System.nanoTime() - t0) / 1_000_000));
                }
                return call(() -> DomainStates.of(dom), "read the state of VM " + d.name());
            } finally {
                free(dom);
            }
        });
    }

    /**
     * Powers the domain off at once (like pulling the plug) and undefines it.
     *
     * @return false when there was no such domain, which is success too
     */
    boolean destroyAndUndefine(String vmUuid) {
        String uuid = DomainDefinitionFactory.libvirtUuid(vmUuid);
        return locked(uuid, () -> {
            Domain dom = lookup(libvirt.connection(), uuid);
            if (dom == null) {
                logger.info(String.format("VM %s is not defined; nothing to destroy", vmUuid));
                return false;
            }
            try {
                if (call(() -> dom.isActive() == 1, "read the state of VM " + vmUuid)) {
                    ignoringGone(dom::destroy, "destroy VM " + vmUuid);
                }
                // a transient domain is gone once destroyed; undefining it would be refused
                if (call(() -> dom.isPersistent() == 1, "read VM " + vmUuid)) {
                    ignoringGone(() -> dom.undefine(UNDEFINE_FLAGS), "undefine VM " + vmUuid);
                }
                logger.info(String.format("VM %s destroyed and undefined", vmUuid));
                return true;
            } catch (AgentException e) {
                // it vanished between lookup and here: someone else finished the job
                if (e.getCause() instanceof LibvirtException le && isNoDomain(le)) {
                    return true;
                }
                throw e;
            } finally {
                free(dom);
            }
        });
    }

    /** @return each VM libvirt knows, in the order asked, with its state; unknown ones are left out */
    Map<String, String> states(List<String> vmUuids) {
        Map<String, String> out = new LinkedHashMap<>();
        if (vmUuids.isEmpty()) {
            return out;
        }
        Connect conn = libvirt.connection();
        for (String vmUuid : vmUuids) {
            Domain dom = lookup(conn, DomainDefinitionFactory.libvirtUuid(vmUuid));
            if (dom == null) {
                continue;
            }
            try {
                out.put(vmUuid, DomainStates.of(dom));
            } catch (LibvirtException e) {
                if (!isNoDomain(e)) {
                    throw failure("read the state of VM " + vmUuid, e);
                }
            } finally {
                free(dom);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The domain with that uuid, or null when libvirt has none. */
    private static Domain lookup(Connect conn, String uuid) {
        try {
            return conn.domainLookupByUUIDString(uuid);
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return null;
            }
            throw failure("look up VM " + uuid, e);
        }
    }

    static boolean isNoDomain(LibvirtException e) {
        try {
            return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN;
        } catch (RuntimeException unknownCode) {
            // an error number newer than libvirt-java's table: certainly not this old one
            return false;
        }
    }

    /** Runs the step; "domain is not running" and "no domain" mean another caller already did it. */
    private static void ignoringGone(LibvirtStep step, String what) {
        try {
            step.run();
        } catch (LibvirtException e) {
            if (isNoDomain(e) || isNotRunning(e)) {
                logger.info(String.format("%s: already done (%s)", what, LibvirtAccess.describe(e)));
                return;
            }
            throw failure(what, e);
        }
    }

    private static boolean isNotRunning(LibvirtException e) {
        try {
            return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_OPERATION_INVALID
                    && LibvirtAccess.describe(e).toLowerCase(Locale.ROOT).contains("not running");
        } catch (RuntimeException unknownCode) {
            return false;
        }
    }

    private static <T> T call(LibvirtCall<T> step, String what) {
        try {
            return step.call();
        } catch (LibvirtException e) {
            throw failure(what, e);
        }
    }

    private static AgentException failure(String what, LibvirtException e) {
        return new AgentException(String.format("cannot %s: %s", what, LibvirtAccess.describe(e)), e);
    }

    private <T> T locked(String uuid, Supplier<T> body) {
        ReentrantLock lock = locks[Math.floorMod(uuid.hashCode(), locks.length)];
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    private static void free(Domain dom) {
        try {
            dom.free();
        } catch (LibvirtException | RuntimeException e) {
            logger.log(Level.FINE, "freeing a libvirt domain handle", e);
        }
    }

    @FunctionalInterface
    private interface LibvirtCall<T> {
        T call() throws LibvirtException;
    }

    @FunctionalInterface
    private interface LibvirtStep {
        void run() throws LibvirtException;
    }
}
