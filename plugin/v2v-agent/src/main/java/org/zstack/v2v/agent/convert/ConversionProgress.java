package org.zstack.v2v.agent.convert;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a virt-v2v run is, 0..1, from the stage lines it prints ("[  12.3] Inspecting the source"). virt-v2v
 * tells no percentage for an in-place conversion, so each stage has a share of the run measured on real
 * conversions (the appliance launch and the initramfs rebuild under "Converting" take most of it), and within a
 * stage the fraction creeps towards the next stage's start, never reaching it: monotonic, and never claiming a
 * stage done before its line is seen.
 */
final class ConversionProgress {
    /** one decimal: the appliance kernel's messages in the same log have six ("[    4.256313] sd 2:0:0:0: ...") */
    private static final Pattern STAGE = Pattern.compile("^\\[\\s*\\d+\\.\\d] (.+)$");

    /** A stage by the start of its line, the fraction at which it starts, and the typical seconds it lasts. */
    private record Stage(String prefix, double start, double typicalSeconds) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("Setting up the source", 0.0, 5),
            new Stage("Opening the source", 0.03, 40),
            new Stage("Inspecting the source", 0.25, 20),
            new Stage("Checking for sufficient free disk space", 0.33, 5),
            new Stage("Converting", 0.36, 120),
            new Stage("Mapping filesystem data", 0.90, 10),
            new Stage("Closing the overlay", 0.93, 5),
            new Stage("Finishing off", 0.97, 5));

    private int stage = 0;
    private String stageLine = "starting virt-v2v";
    private long stageStartMillis;

    ConversionProgress(long nowMillis) {
        stageStartMillis = nowMillis;
    }

    /**
     * Takes one line of the log.
     *
     * @return whether it started a new stage
     */
    boolean onLine(String line, long nowMillis) {
        Matcher m = STAGE.matcher(line.strip());
        if (!m.matches()) {
            return false;
        }
        String text = m.group(1);
        for (int i = stage; i < STAGES.size(); i++) {
            // the same stage again is no news; an earlier one (never printed by virt-v2v) is ignored
            if (text.startsWith(STAGES.get(i).prefix()) && (i > stage || !text.equals(stageLine))) {
                stage = i;
                stageLine = text;
                stageStartMillis = nowMillis;
                return true;
            }
        }
        return false;
    }

    /** The current stage as virt-v2v printed it, e.g. "Converting Debian GNU/Linux 12 (bookworm) to run on KVM". */
    String stageLine() {
        return stageLine;
    }

    double fraction(long nowMillis) {
        Stage s = STAGES.get(stage);
        double end = stage + 1 < STAGES.size() ? STAGES.get(stage + 1).start() : 1.0;
        double elapsed = Math.max(0, nowMillis - stageStartMillis) / 1000.0;
        // 1 - e^(-t/T): 63 % of the stage's share after its typical time, 95 % after three times that
        double within = 1 - Math.exp(-elapsed / s.typicalSeconds());
        return s.start() + (end - s.start()) * 0.95 * within;
    }
}
