package org.zstack.v2v.agent.transfer;

import org.zstack.agent.ProcessRunner;

import java.util.List;
import java.util.Locale;

/**
 * Turns ssh's complaint into what an administrator acts on: a key the host refuses, a host that cannot be reached, a
 * key file ssh cannot read. ssh prints no secret (the key is a file name to it), so its line is quoted as it is.
 */
final class SshErrors {
    private static final List<String> UNREACHABLE = List.of("connection refused", "no route to host",
            "connection timed out", "operation timed out", "could not resolve hostname", "name or service not known",
            "network is unreachable", "connection closed by", "connection reset");

    private SshErrors() {
    }

    static String describe(SshDiskUrl url, String stderr, int exitCode) {
        String line = ProcessRunner.oneLine(stderr == null ? "" : stderr);
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied")) {
            return String.format("ssh to %s@%s refused the key (%s): is its public key in %s's authorized_keys?",
                    url.user(), url.hostAndPort(), line, url.user());
        }
        if (lower.contains("load key") || lower.contains("invalid format") || lower.contains("bad permissions")) {
            return String.format("ssh cannot use sshPrivKey for %s (%s)", url.hostAndPort(), line);
        }
        for (String s : UNREACHABLE) {
            if (lower.contains(s)) {
                return String.format("cannot reach the source host %s over ssh (%s)", url.hostAndPort(), line);
            }
        }
        return String.format("ssh to %s@%s failed (exit %d)%s", url.user(), url.hostAndPort(), exitCode,
                line.isBlank() ? "" : ": " + line);
    }
}
