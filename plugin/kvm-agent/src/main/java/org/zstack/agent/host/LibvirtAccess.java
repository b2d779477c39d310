package org.zstack.agent.host;

import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One libvirt connection, opened on first use and reopened when libvirtd has restarted.
 * Read-only for the host commands, which only look (the socket {@code libvirt-sock-ro} also needs no polkit);
 * read-write, a separate instance, for the VM commands that define, start and destroy domains, so that looking
 * at the host never holds a connection that could change it.
 * Lazy because the first {@code qemu:///system} connect takes seconds and the agent must start at once.
 */
public final class LibvirtAccess implements AutoCloseable {
    private static final Logger logger = Logger.getLogger(LibvirtAccess.class.getName());
    private static final Pattern QEMU_VERSION = Pattern.compile("version\\s+(\\d+\\.\\d+(?:\\.\\d+)?)");

    /**
     * libvirt's default error handler prints every error to stderr, raw and unformatted, besides returning it;
     * errors reach us as LibvirtExceptions anyway. Held in a static field because JNA callbacks that are
     * garbage-collected while C still points at them crash the JVM.
     */
    private static final ErrorCallback SILENT_ERRORS = new ErrorCallback();
    private static volatile boolean errorsSilenced;

    private final String uri;
    private final boolean readOnly;
    private Connect conn;

    /** The two versions the node compares on connect and ping. */
    public record Versions(String libvirtVersion, String qemuVersion) {
    }

    /** A read-only connection: what the host commands use. */
    public LibvirtAccess(String uri) {
        this(uri, true);
    }

    private LibvirtAccess(String uri, boolean readOnly) {
        this.uri = uri;
        this.readOnly = readOnly;
    }

    /** A connection that may change domains: only for the VM lifecycle commands. */
    public static LibvirtAccess readWrite(String uri) {
        return new LibvirtAccess(uri, false);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public String uri() {
        return uri;
    }

    /**
     * @throws AgentException "libvirt at &lt;uri&gt; is unreachable: ..." when the library cannot be loaded or the
     *                        connection cannot be opened: such a host cannot run VMs
     */
    public synchronized Connect connection() {
        if (conn != null) {
            if (alive(conn)) {
                return conn;
            }
            logger.warning(String.format("libvirt connection to %s lost; reconnecting", uri));
            closeQuietly();
        }
        try {
            silenceDefaultErrorPrinting();
            conn = new Connect(uri, readOnly);
            logger.info(String.format("connected to libvirt at %s (%s)", uri, readOnly ? "read-only" : "read-write"));
            return conn;
        } catch (LibvirtException e) {
            throw new AgentException(String.format("libvirt at %s is unreachable: %s", uri, describe(e)), e);
        } catch (LinkageError e) {
            // libvirt0 not installed (JNA cannot find libvirt.so.0), or JNA itself is broken
            throw new AgentException(String.format("libvirt at %s is unreachable: the libvirt library cannot be"
                    + " loaded (%s)", uri, ProcessRunner.oneLine(String.valueOf(e.getMessage()))), e);
        }
    }

    /** Library version, and the hypervisor's version when the connection is to QEMU, else qemu-system's. */
    public synchronized Versions versions() {
        Connect c = connection();
        try {
            String lib = decode(c.getLibVirVersion());
            String qemu = null;
            if ("QEMU".equalsIgnoreCase(c.getType())) {
                qemu = decode(c.getVersion());
            }
            if (qemu == null) {
                qemu = qemuSystemVersion();
            }
            return new Versions(lib, qemu);
        } catch (LibvirtException e) {
            closeQuietly(); // the next call starts from a fresh connection
            throw new AgentException(String.format("libvirt at %s is unreachable: %s", uri, describe(e)), e);
        }
    }

    /** Like {@link #versions()}, but "unknown" instead of an error, for reports that must not fail. */
    public Versions versionsOrUnknown() {
        try {
            return versions();
        } catch (AgentException e) {
            logger.warning(e.getMessage());
            return new Versions("unknown", qemuSystemVersion());
        }
    }

    /**
     * The version of {@code qemu-system-x86_64 --version} ("QEMU emulator version 7.2.22 (Debian ...)" gives
     * "7.2.22"), or "unknown" when it is not installed.
     */
    public static String qemuSystemVersion() {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("qemu-system-x86_64", "--version"), Duration.ofSeconds(10));
            String line = r.firstLine();
            if (line != null) {
                Matcher m = QEMU_VERSION.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            logger.warning("cannot read a version from qemu-system-x86_64 --version: " + line);
        } catch (IOException e) {
            logger.warning("qemu-system-x86_64 not found: " + e.getMessage());
        }
        return "unknown";
    }

    /** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release. */
    static String decode(long v) {
        if (v <= 0) {
            return null;
        }
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }

    private static synchronized void silenceDefaultErrorPrinting() throws LibvirtException {
        if (!errorsSilenced) {
            Connect.setErrorCallback(SILENT_ERRORS);
            errorsSilenced = true;
        }
    }

    /**
     * isAlive alone is not enough: without an event loop libvirt notices a closed socket only on its next I/O, so
     * after a libvirtd restart it still says "alive" and the next real call fails. One cheap round trip finds out
     * before the caller's call does: virConnectGetVersion, which the daemon answers (getLibVirVersion would not do:
     * it is the client library's own version, answered without any I/O).
     */
    private static boolean alive(Connect c) {
        try {
            if (!c.isAlive()) {
                return false;
            }
            c.getVersion();
            return true;
        } catch (LibvirtException | RuntimeException e) {
            return false;
        }
    }

    /** libvirt's own message of the error, on one line: the form errors travel to the node in. */
    public static String describe(LibvirtException e) {
        String m = null;
        try {
            if (e.getError() != null) {
                m = e.getError().getMessage();
            }
        } catch (RuntimeException ignored) {
            // fall back to the exception's own message
        }
        if (m == null) {
            m = e.getMessage();
        }
        return ProcessRunner.oneLine(m == null ? e.toString() : m);
    }

    private void closeQuietly() {
        if (conn != null) {
            try {
                conn.close();
            } catch (LibvirtException | RuntimeException e) {
                logger.log(Level.FINE, "closing libvirt connection", e);
            }
            conn = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
