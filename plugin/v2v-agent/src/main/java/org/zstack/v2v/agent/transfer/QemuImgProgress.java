package org.zstack.v2v.agent.transfer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last figure of {@code qemu-img convert -p}, which rewrites one line {@code "    (12.50/100%)\r"} as it goes.
 * With {@code -S} qemu-img counts only the data it copies (zero areas are not in its 100%), so the fraction times the
 * bytes to read is the bytes read so far.
 */
final class QemuImgProgress {
    private static final Pattern FIGURE = Pattern.compile("\\((\\d+(?:\\.\\d+)?)/100%\\)");

    private QemuImgProgress() {
    }

    /** @return the last fraction (0–1) printed in {@code stdout}, or 0 when none is there yet */
    static double lastFraction(String stdout) {
        // the last figure is near the end: look at the tail only, the output grows through the whole copy
        int from = Math.max(0, stdout.length() - 64);
        Matcher m = FIGURE.matcher(stdout.substring(from));
        double last = 0;
        while (m.find()) {
            last = Double.parseDouble(m.group(1)) / 100;
        }
        return Math.min(1.0, last);
    }
}
