package org.zstack.v2v.agent.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a virt-v2v (or guestfish) log once, line by line (it is megabytes with -v -x), for the two things the
 * agent needs from it: the line that best says why it failed, and what inspection found on the guest.
 *
 * <p>The error line, most telling first: virt-v2v's own "virt-v2v-in-place: error: ..." (its reason, one line since
 * the log is not a terminal); guestfish's own "guestfish: ..." message; the last "libguestfs: error: ..." (a
 * verbose log has earlier ones from calls that were allowed to fail, the fatal one comes last); else the last
 * line of the log.
 */
final class ConversionLog {
    private static final Pattern V2V_ERROR = Pattern.compile("^virt-v2v(-in-place)?: error: .*");
    private static final Pattern GUESTFISH_ERROR = Pattern.compile("^guestfish: .*");
    private static final Pattern LIBGUESTFS_ERROR = Pattern.compile(".*\\blibguestfs: error: .*");
    /** virt-v2v -v prints its inspection result as "i_type = linux" lines */
    private static final Pattern INSPECTION = Pattern.compile(
            "^\\s*i_(type|distro|major_version|minor_version|product_name) = (.*)$");
    private static final Pattern CONVERTING = Pattern.compile("^\\[\\s*\\d+\\.\\d] Converting (.+) to run on KVM$");
    private static final int MAX_ERROR = 800;

    /** Lines this agent writes at the head of a log (the command line) start with this; never an error. */
    static final String HEADER_PREFIX = "# ";

    /**
     * @param errorLine the most telling error line; null for an empty log
     * @param guestOs   virt-v2v's inspection of the guest; {@link GuestOs#UNKNOWN} parts when not in the log
     */
    record Summary(String errorLine, GuestOs guestOs) {
    }

    private ConversionLog() {
    }

    static Summary read(Path log) throws IOException {
        if (!Files.exists(log)) {
            return new Summary(null, GuestOs.UNKNOWN);
        }
        // InputStreamReader replaces malformed bytes instead of failing: guest kernels print anything
        try (Reader r = new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    static Summary read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Summary read(Reader reader) throws IOException {
        String v2vError = null;
        String guestfishError = null;
        String libguestfsError = null;
        String last = null;
        String type = null;
        String distro = null;
        Integer major = null;
        Integer minor = null;
        String product = null;
        String converting = null;
        BufferedReader in = new BufferedReader(reader, 1 << 16);
        for (String line; (line = in.readLine()) != null; ) {
            String l = line.strip();
            if (l.isEmpty() || line.startsWith(HEADER_PREFIX)) {
                continue;
            }
            last = l;
            if (v2vError == null && V2V_ERROR.matcher(l).matches()) {
                v2vError = l;
            } else if (guestfishError == null && GUESTFISH_ERROR.matcher(l).matches()) {
                guestfishError = l;
            } else if (LIBGUESTFS_ERROR.matcher(l).matches()) {
                libguestfsError = l;
            }
            Matcher m = INSPECTION.matcher(line);
            if (m.matches()) {
                String v = m.group(2).strip();
                switch (m.group(1)) {
                    case "type" -> type = type == null ? v : type;
                    case "distro" -> distro = distro == null ? v : distro;
                    case "major_version" -> major = major == null ? parseInt(v) : major;
                    case "minor_version" -> minor = minor == null ? parseInt(v) : minor;
                    default -> product = product == null && !v.isEmpty() ? v : product;
                }
                continue;
            }
            Matcher c = CONVERTING.matcher(l);
            if (converting == null && c.matches()) {
                converting = c.group(1);
            }
        }
        String error = v2vError != null ? v2vError
                : guestfishError != null ? guestfishError
                : libguestfsError != null ? libguestfsError : last;
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR) + "...";
        }
        return new Summary(error, new GuestOs(type, distro, major, minor, product != null ? product : converting));
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
