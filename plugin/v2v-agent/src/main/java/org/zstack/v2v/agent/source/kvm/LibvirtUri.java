package org.zstack.v2v.agent.source.kvm;

import org.zstack.agent.AgentException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The source's libvirt URI as the administrator gave it, checked before anything connects. Query parameters are
 * refused outright: libvirt's {@code keyfile}, {@code command}, {@code socket}, {@code netcat} ... would let a user
 * choose files and programs on the conversion host; the few this agent needs it adds itself.
 */
final class LibvirtUri {
    private static final Set<String> SCHEMES = Set.of("qemu+ssh", "qemu+tcp", "qemu+tls");
    private static final Set<String> PATHS = Set.of("/system", "/session");

    private final String given;
    private final URI uri;

    private LibvirtUri(String given, URI uri) {
        this.given = given;
        this.uri = uri;
    }

    /** @throws AgentException "libvirtURI &lt;uri&gt; is not valid: &lt;why&gt;" */
    static LibvirtUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AgentException("libvirtURI is required");
        }
        String s = text.strip();
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw invalid(s, e.getReason());
        }
        if (u.getScheme() == null || !SCHEMES.contains(u.getScheme())) {
            throw invalid(s, "the scheme must be qemu+ssh, qemu+tcp or qemu+tls");
        }
        if (u.isOpaque() || u.getHost() == null || u.getHost().isEmpty()) {
            throw invalid(s, "no host (qemu+ssh://[user@]host[:port]/system)");
        }
        if (u.getRawQuery() != null || s.contains("?")) {
            throw invalid(s, "query parameters are not accepted");
        }
        if (u.getRawFragment() != null) {
            throw invalid(s, "a fragment (#...) is not accepted");
        }
        if (u.getPath() == null || !PATHS.contains(u.getPath())) {
            throw invalid(s, "the path must be /system or /session");
        }
        String user = u.getUserInfo();
        if (user != null) {
            if (user.contains(":")) {
                // it would be echoed in every message and log line: keys only
                throw invalid(s.replace(user, user.substring(0, user.indexOf(':')) + ":***"),
                        "a password in the URI is not accepted: give sshPrivKey");
            }
            if (!u.getScheme().equals("qemu+ssh")) {
                throw invalid(s, "a user name is only meaningful for qemu+ssh");
            }
            if (user.isEmpty() || user.startsWith("-")) {
                throw invalid(s, "the user name is not valid");
            }
        }
        if (u.getHost().startsWith("-")) {
            // ssh would read it as an option
            throw invalid(s, "the host is not valid");
        }
        return new LibvirtUri(s, u);
    }

    private static AgentException invalid(String uri, String why) {
        return new AgentException(String.format("libvirtURI %s is not valid: %s", uri, why));
    }

    boolean isSsh() {
        return "qemu+ssh".equals(uri.getScheme());
    }

    String host() {
        return uri.getHost();
    }

    /** What messages show: the administrator's own URI, never the parameters added to it. */
    @Override
    public String toString() {
        return given;
    }

    /** The URI to open: as given for tcp and tls. */
    String connectUri() {
        return given;
    }

    /**
     * For ssh: libvirt's ssh transport runs the {@code ssh} binary with this key. {@code no_verify=1} accepts the
     * source's host key without a known_hosts entry, as ZStack's own agent does: the administrator named the host
     * and proved access with the key, and a conversion host has no way to learn source host keys beforehand.
     * {@code no_tty=1} keeps ssh from ever prompting (it would wait for an answer nobody gives).
     */
    String connectUri(Path keyFile) {
        return given + "?keyfile=" + keyFile + "&no_verify=1&no_tty=1";
    }
}
