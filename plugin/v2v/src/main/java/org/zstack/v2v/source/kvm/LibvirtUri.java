package org.zstack.v2v.source.kvm;

import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.V2VErrors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import static org.zstack.core.Platform.err;

/**
 * A KVM source host's libvirt URI as the administrator gives it: {@code qemu+ssh://[user@]host[:port]/system}, or
 * qemu+tcp / qemu+tls. Checked here before any agent is asked, so a typo is a clear error, not a libvirt one. A query
 * is refused: the agent adds its own (the key file), and a user's ?command= or ?socket= must never reach libvirt.
 */
public record LibvirtUri(String text, String transport, String user, String host, int port) {
    private static final Set<String> SCHEMES = Set.of("qemu+ssh", "qemu+tcp", "qemu+tls");

    public static LibvirtUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        URI u;
        try {
            u = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
        if (!SCHEMES.contains(scheme)) {
            throw invalid(text, "the scheme must be one of " + SCHEMES + ", e.g. qemu+ssh://root@10.0.0.5/system");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw invalid(text, "it names no host");
        }
        if (!"/system".equals(u.getPath()) && !"/session".equals(u.getPath())) {
            throw invalid(text, "the path must be /system (or /session)");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw invalid(text, "parameters (?...) are not accepted: the conversion host sets its own");
        }
        String user = u.getUserInfo() == null || u.getUserInfo().isBlank() ? "root" : u.getUserInfo();
        if (user.contains(":")) {
            throw invalid(text, "a password in the URI is not accepted; give sshPrivKey");
        }
        return new LibvirtUri(text.trim(), scheme.substring("qemu+".length()), user, u.getHost(), u.getPort());
    }

    public boolean overSsh() {
        return "ssh".equals(transport);
    }

    /**
     * How the conversion host reads a disk of this host: SSH to the same host (port of the URI for qemu+ssh, else
     * 22), where qemu-nbd serves the disk. {@code forceShare} opens an image a (paused) qemu holds.
     */
    public String sshDiskUrl(String path, String format, boolean forceShare) {
        int sshPort = overSsh() && port > 0 ? port : 22;
        try {
            URI u = new URI("ssh", user, host, sshPort, path, "format=" + format + "&forceShare=" + forceShare, null);
            return u.toASCIIString();
        } catch (URISyntaxException e) {
            throw new OperationFailureException(err(V2VErrors.UNSUPPORTED_SOURCE_DISK,
                    "the disk path %s cannot be put in a URL: %s", path, e.getReason()));
        }
    }

    private static OperationFailureException invalid(String text, String why) {
        return new OperationFailureException(err(V2VErrors.INVALID_LIBVIRT_URI, "libvirtURI %s is not valid: %s", text, why));
    }
}
