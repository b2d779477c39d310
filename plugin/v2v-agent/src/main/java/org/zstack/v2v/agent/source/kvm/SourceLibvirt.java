package org.zstack.v2v.agent.source.kvm;

import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;
import org.zstack.agent.host.LibvirtAccess;
import org.zstack.v2v.agent.ssh.SshIdentity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection to the source host's libvirt for one command: opened with the command's key, closed with it (and the
 * key file removed) at the end. Read-write, since prepare and release pause and resume domains.
 */
final class SourceLibvirt implements AutoCloseable {
    private static final Logger logger = Logger.getLogger(SourceLibvirt.class.getName());
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * libvirt's default handler prints every error to stderr besides raising it; kept in a static field because a
     * JNA callback collected while C still holds it crashes the JVM.
     */
    private static final ErrorCallback SILENT_ERRORS = new ErrorCallback();
    private static volatile boolean errorsSilenced;

    private final LibvirtUri uri;
    private final Connect conn;
    private final SshIdentity identity;
    /** frees of the handles taken: each holds the connection open, and with it the ssh process */
    private final List<Freeing> handles = new ArrayList<>();

    /** Domain, StoragePool and StorageVol each have free(), but no common type. */
    interface Freeing {
        int free() throws LibvirtException;
    }

    private SourceLibvirt(LibvirtUri uri, Connect conn, SshIdentity identity) {
        this.uri = uri;
        this.conn = conn;
        this.identity = identity;
    }

    static SourceLibvirt open(String libvirtUri, String sshPrivKey) {
        return open(LibvirtUri.parse(libvirtUri), sshPrivKey, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * @throws AgentException with the classified reason, or after {@code timeout} when the host does not answer:
     *                        ssh has no connect timeout libvirt lets us set, and a silent host holds it for minutes
     */
    static SourceLibvirt open(LibvirtUri uri, String sshPrivKey, Duration timeout) {
        SshIdentity identity = uri.isSsh() ? SshIdentity.write(sshPrivKey) : null;
        try {
            String target = identity == null ? uri.connectUri() : uri.connectUri(identity.path());
            Connect conn = connectWithin(uri, target, identity, timeout);
            return new SourceLibvirt(uri, conn, identity);
        } catch (RuntimeException e) {
            if (identity != null) {
                identity.close();
            }
            throw e;
        }
    }

    private static Connect connectWithin(LibvirtUri uri, String target, SshIdentity identity, Duration timeout) {
        silenceDefaultErrorPrinting();
        CompletableFuture<Connect> opening = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                opening.complete(new Connect(target, false));
            } catch (Throwable t) {
                opening.completeExceptionally(t);
            }
        }, "libvirt-connect-" + uri.host());
        // an abandoned attempt must not keep the agent from exiting
        worker.setDaemon(true);
        worker.start();
        try {
            return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(opening, identity);
            throw SourceConnectErrors.timedOut(uri, timeout);
        } catch (InterruptedException e) {
            abandon(opening, identity);
            Thread.currentThread().interrupt();
            throw new AgentException(String.format("cannot connect to %s: interrupted", uri), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LibvirtException le) {
                throw SourceConnectErrors.connectFailed(uri, scrub(LibvirtAccess.describe(le), identity));
            }
            if (cause instanceof LinkageError) {
                throw new AgentException(String.format("cannot connect to %s: the libvirt library cannot be loaded"
                        + " on this conversion host (%s)", uri, ProcessRunner.oneLine(cause.getMessage())), cause);
            }
            throw new AgentException(String.format("cannot connect to %s: %s", uri, cause), cause);
        }
    }

    /**
     * Stops a connect that did not answer: ends the ssh that libvirt spawned for it (found by our key file's unique
     * path in its arguments, so no other ssh is touched), which makes the connect fail and frees the worker thread;
     * a connection that still arrives later is closed at once.
     */
    private static void abandon(CompletableFuture<Connect> opening, SshIdentity identity) {
        opening.thenAccept(SourceLibvirt::closeQuietly);
        if (identity == null) {
            return;
        }
        String keyPath = identity.path().toString();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(keyPath))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** The key file's path never leaves the agent: not in an answer, not in a log line. */
    static String scrub(String message, SshIdentity identity) {
        if (message == null || identity == null) {
            return message;
        }
        return message.replace(identity.path().toString(), "<key file>");
    }

    private static synchronized void silenceDefaultErrorPrinting() {
        if (!errorsSilenced) {
            try {
                Connect.setErrorCallback(SILENT_ERRORS);
                errorsSilenced = true;
            } catch (LibvirtException | LinkageError e) {
                // only the stderr noise stays; the connect below reports what is really wrong
                logger.log(Level.FINE, "cannot silence libvirt's error printing", e);
            }
        }
    }

    Connect connect() {
        return conn;
    }

    /**
     * Registers a handle to be freed before the connection closes. Without it, close() only drops our reference:
     * every Domain or volume object still holds the connection, which then lives (and its ssh to the source host
     * with it) until the garbage collector finalizes them, maybe much later.
     */
    <T> T hold(T handle, Freeing free) {
        handles.add(free);
        return handle;
    }

    LibvirtUri uri() {
        return uri;
    }

    /** libvirt's message of a failed call, one line, without the key file's path. */
    String describe(LibvirtException e) {
        return scrub(LibvirtAccess.describe(e), identity);
    }

    private static void closeQuietly(Connect c) {
        try {
            c.close();
        } catch (LibvirtException | RuntimeException e) {
            logger.log(Level.FINE, "closing a source libvirt connection", e);
        }
    }

    @Override
    public void close() {
        try {
            for (Freeing f : handles) {
                try {
                    f.free();
                } catch (LibvirtException | RuntimeException e) {
                    logger.log(Level.FINE, "freeing a source libvirt handle", e);
                }
            }
            handles.clear();
            closeQuietly(conn);
        } finally {
            Optional.ofNullable(identity).ifPresent(SshIdentity::close);
        }
    }
}
