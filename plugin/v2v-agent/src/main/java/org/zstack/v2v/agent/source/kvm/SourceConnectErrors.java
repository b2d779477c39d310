package org.zstack.v2v.agent.source.kvm;

import org.zstack.agent.AgentException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns libvirt's connect errors into what the administrator can act on. libvirt reports ssh's own stderr wrapped
 * in transport noise ("Cannot recv data: root@h: Permission denied (publickey).: Connection reset by peer"): the
 * middle is the reason, so it is matched on, and shown without the wrapping.
 */
final class SourceConnectErrors {
    enum Kind { AUTHENTICATION, UNREACHABLE, LIBVIRT_REFUSED, OTHER }

    /** the remote end of the transport is there, but libvirtd's socket is not (or refuses us) */
    private static final List<String> LIBVIRT_SOCKET = List.of("failed to connect socket", "libvirt-sock",
            "virtqemud-sock", "virt-ssh-helper", "nc:");
    private static final List<String> AUTHENTICATION = List.of("permission denied", "authentication failed",
            "host key verification failed", "too many authentication failures", "no supported authentication");
    private static final List<String> UNREACHABLE = List.of("connection refused", "no route to host",
            "could not resolve hostname", "name or service not known", "unable to resolve address",
            "temporary failure in name resolution", "network is unreachable", "connection timed out",
            "operation timed out", "unable to connect to server");
    /** ssh got in, but nothing at the other end answered libvirt's protocol */
    private static final List<String> LIBVIRT_GONE = List.of("no such file or directory", "command not found",
            "end of file while reading data");

    private SourceConnectErrors() {
    }

    static Kind kind(String libvirtMessage) {
        String m = libvirtMessage == null ? "" : libvirtMessage.toLowerCase(Locale.ROOT);
        // in this order: a missing local socket says "Connection refused" too, and a refused key also ends in
        // "Connection reset by peer"
        if (containsAny(m, LIBVIRT_SOCKET)) {
            return Kind.LIBVIRT_REFUSED;
        }
        if (containsAny(m, AUTHENTICATION)) {
            return Kind.AUTHENTICATION;
        }
        if (containsAny(m, UNREACHABLE)) {
            return Kind.UNREACHABLE;
        }
        if (containsAny(m, LIBVIRT_GONE)) {
            return Kind.LIBVIRT_REFUSED;
        }
        return Kind.OTHER;
    }

    /**
     * @param libvirtMessage libvirt's message, already scrubbed of the key file's path
     */
    static AgentException connectFailed(LibvirtUri uri, String libvirtMessage) {
        String why = reason(libvirtMessage);
        String text = switch (kind(libvirtMessage)) {
            case AUTHENTICATION -> String.format("cannot connect to %s: authentication failed, the source host did"
                    + " not accept the SSH key (%s)", uri, why);
            case UNREACHABLE -> String.format("cannot connect to %s: the host %s is unreachable (%s)", uri,
                    uri.host(), why);
            case LIBVIRT_REFUSED -> String.format("cannot connect to %s: libvirt on %s refused the connection, is"
                    + " libvirtd running there? (%s)", uri, uri.host(), why);
            case OTHER -> String.format("cannot connect to %s: %s", uri, why);
        };
        return new AgentException(text);
    }

    static AgentException timedOut(LibvirtUri uri, Duration timeout) {
        return new AgentException(String.format("cannot connect to %s: no answer within %d s (the host or its SSH"
                + " or libvirtd does not respond)", uri, timeout.toSeconds()));
    }

    /** libvirt's message without its transport wrapping: "Cannot recv data: " before, ": Connection reset ..." after. */
    static String reason(String libvirtMessage) {
        if (libvirtMessage == null || libvirtMessage.isBlank()) {
            return "no reason given";
        }
        String m = libvirtMessage.strip();
        for (String prefix : List.of("Cannot recv data: ", "End of file while reading data: ")) {
            if (m.startsWith(prefix)) {
                m = m.substring(prefix.length());
            }
        }
        for (String suffix : List.of(": Connection reset by peer", ": Input/output error")) {
            if (m.endsWith(suffix) && m.length() > suffix.length()) {
                m = m.substring(0, m.length() - suffix.length());
            }
        }
        return m;
    }

    private static boolean containsAny(String m, List<String> needles) {
        return needles.stream().anyMatch(m::contains);
    }
}
