package org.zstack.v2v.agent.deliver;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobProcess;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/** The qemu-img calls of deliver, run as the job's tracked processes. */
final class QemuImg {
    private static final Logger logger = Logger.getLogger(QemuImg.class.getName());

    static final Duration INFO_TIMEOUT = Duration.ofMinutes(2);
    /** A multi-TiB disk over NFS takes hours; a hung convert is still caught. */
    static final Duration CONVERT_TIMEOUT = Duration.ofHours(12);

    private QemuImg() {
    }

    /** @param actualSize the allocated bytes of the file */
    record Info(long virtualSize, long actualSize) {
    }

    static Info info(JobRegistry.Job job, Path file, String format) throws IOException, InterruptedException {
        JobProcess.Result r = JobProcess.run(job, List.of("qemu-img", "info", "--output=json", "-f", format,
                file.toString()), INFO_TIMEOUT, null);
        if (!r.ok()) {
            throw new AgentException(String.format("qemu-img info %s failed: %s", file, r.error()));
        }
        try {
            JsonObject o = JsonParser.parseString(r.stdout()).getAsJsonObject();
            long actual = o.has("actual-size") ? o.get("actual-size").getAsLong() : 0;
            return new Info(o.get("virtual-size").getAsLong(), actual);
        } catch (RuntimeException e) {
            throw new AgentException(String.format("qemu-img info %s answered no virtual size: %s", file, e.getMessage()));
        }
    }

    /**
     * raw → qcow2, zero clusters left unallocated. Compressed with zstd when asked, zlib where this qemu-img
     * cannot write zstd (older than 5.1, or built without it). {@code -W} lets qemu-img write clusters out of
     * order, which keeps all its coroutines busy: markedly faster on a multi-core host.
     */
    static void convertToQcow2(JobRegistry.Job job, Path raw, Path out, boolean compress, Runnable tick)
            throws IOException, InterruptedException {
        JobProcess.Result r = JobProcess.run(job, convertCommand(raw, out, compress, true), CONVERT_TIMEOUT, tick);
        if (!r.ok() && compress && refusesZstd(r.error())) {
            logger.info(String.format("qemu-img cannot write zstd (%s); compressing %s with zlib", r.error(), raw));
            r = JobProcess.run(job, convertCommand(raw, out, true, false), CONVERT_TIMEOUT, tick);
        }
        if (!r.ok()) {
            throw new AgentException(String.format("qemu-img convert %s to qcow2 failed: %s", raw, r.error()));
        }
    }

    static List<String> convertCommand(Path raw, Path out, boolean compress, boolean zstd) {
        List<String> c = new ArrayList<>(List.of("qemu-img", "convert", "-W", "-m", "4", "-f", "raw", "-O", "qcow2"));
        if (compress) {
            c.add("-c");
            if (zstd) {
                c.add("-o");
                c.add("compression_type=zstd");
            }
        }
        c.add(raw.toString());
        c.add(out.toString());
        return c;
    }

    private static boolean refusesZstd(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("compression") || e.contains("zstd");
    }
}
