package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A KVM source disk as the management node names it:
 * {@code ssh://user@host:port/abs/path/disk.qcow2?format=qcow2&forceShare=false}, the path percent-encoded. The user
 * defaults to root and the port to 22, as in a libvirt {@code qemu+ssh://} URI. Each part is checked here, because the
 * host and user go on ssh's command line and the path into a remote shell command.
 *
 * @param format     the image format qemu-nbd opens: the domain's disk driver type, qcow2 or raw
 * @param forceShare open an image that a (paused) domain still holds open: qemu-nbd with the file's locking off
 */
record SshDiskUrl(String user, String host, int port, String path, String format, boolean forceShare) {
    /** A host name, IPv4 or IPv6 address: never something ssh would read as an option. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    static SshDiskUrl parse(int index, String url) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (Exception e) {
            throw bad(index, "not a valid URL: " + e.getMessage());
        }
        if (!"ssh".equalsIgnoreCase(u.getScheme()) || u.isOpaque()) {
            throw bad(index, "not an ssh:// URL");
        }
        String host = u.getHost();
        if (host == null) {
            throw bad(index, "no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            // ssh takes an IPv6 address without the brackets a URL needs
            host = host.substring(1, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            throw bad(index, "host " + host + " is not a host name or address");
        }
        String user = u.getUserInfo() == null ? "root" : u.getUserInfo();
        if (!USER.matcher(user).matches()) {
            // a password in the URL lands here too: it is never shown
            throw bad(index, "the user is not a plain login name (no password belongs in the URL)");
        }
        int port = u.getPort() < 0 ? 22 : u.getPort();
        if (port < 1 || port > 65535) {
            throw bad(index, "port " + port + " is out of range");
        }
        String path = u.getPath();
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            throw bad(index, "the disk's path must be absolute");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0) {
            throw bad(index, "the disk's path holds a NUL or newline");
        }
        String format = null;
        boolean forceShare = false;
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (name) {
                    case "format" -> format = value.toLowerCase(Locale.ROOT);
                    case "forceShare" -> forceShare = parseBoolean(index, value);
                    case "" -> { }
                    default -> throw bad(index, "unknown parameter " + name);
                }
            }
        }
        if (!"qcow2".equals(format) && !"raw".equals(format)) {
            // guessing would read a qcow2 as raw bytes (or the reverse) and copy a disk no guest can boot
            throw bad(index, "format must be qcow2 or raw, got " + format);
        }
        return new SshDiskUrl(user, host, port, path, format, forceShare);
    }

    /** user@host:port/path, as errors and logs show the disk. */
    String shown() {
        return user + "@" + host + ":" + port + path;
    }

    /** host:port, as errors name the source host. */
    String hostAndPort() {
        return host + ":" + port;
    }

    private static boolean parseBoolean(int index, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw bad(index, "forceShare must be true or false, got " + value);
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static AgentException bad(int index, String why) {
        return new AgentException(String.format("disk %d: bad ssh url: %s", index, why));
    }
}
