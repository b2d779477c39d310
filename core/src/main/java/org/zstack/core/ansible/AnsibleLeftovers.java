package org.zstack.core.ansible;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Versions before the pipe-only AnsibleRunner wrote the SSH password and key to $TMPDIR/zstack-ansible*&#47;
 * (vars.json, id) and deleted them only when ansible ended; a node killed meanwhile left them there. A node removes
 * such directories at boot and periodically: those no running process names on its command line (as ansible-playbook
 * named "-e @<dir>/vars.json") and untouched for a minute, so that a deployment of an older node on the same machine
 * that is just starting is not broken.
 */
public final class AnsibleLeftovers {
    private static final Logger logger = LoggerFactory.getLogger(AnsibleLeftovers.class);
    static final String PREFIX = "zstack-ansible";
    private static final long QUIET_MS = TimeUnit.MINUTES.toMillis(1);

    private AnsibleLeftovers() {
    }

    public static int removeAll() {
        return removeAll(Path.of(System.getProperty("java.io.tmpdir")), QUIET_MS);
    }

    static int removeAll(Path tmp, long quietMs) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path d : ds) {
                if (Files.isDirectory(d) && !Files.isSymbolicLink(d)) {
                    candidates.add(d);
                }
            }
        } catch (IOException e) {
            logger.warn("cannot list {}: {}", tmp, e.getMessage());
            return 0;
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        String commandLines = commandLines();
        int removed = 0;
        for (Path d : candidates) {
            if (commandLines.contains(d.toString()) || touchedWithin(d, quietMs)) {
                continue;
            }
            if (delete(d)) {
                removed++;
                logger.warn("removed {}, left by an ansible run of a node that stopped during a host deployment", d);
            }
        }
        return removed;
    }

    /** Every process's command line that this user can read, NUL-separated arguments joined by spaces. */
    private static String commandLines() {
        StringBuilder sb = new StringBuilder();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    sb.append(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ')).append('\n');
                } catch (IOException gone) {
                    // the process ended, or is not ours to read
                }
            }
        } catch (IOException e) {
            logger.warn("cannot read /proc: {}", e.getMessage());
        }
        return sb.toString();
    }

    private static boolean touchedWithin(Path dir, long ms) {
        long since = System.currentTimeMillis() - ms;
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() > since;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    private static boolean delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            logger.warn("cannot remove {}: {}", dir, e.getMessage());
            return false;
        }
    }
}
