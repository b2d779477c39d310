package org.zstack.v2v.agent.deliver;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code PUT /v2v/volume/upload?path=<installPath>&size=<bytes>} on the target host: the body is the volume. It
 * is written to {@code <path>.part}, checked against {@code size}, synced and renamed, so the install path holds
 * either nothing or the whole volume; a failed upload leaves nothing behind.
 */
public class VolumeUploadHandler implements CommandRegistry.StreamHandler {
    public static final String PATH = "/v2v/volume/upload";
    private static final Logger logger = Logger.getLogger(VolumeUploadHandler.class.getName());
    private static final int BUFFER = 1 << 20;

    /** Two uploads into one path would write the same .part file. */
    private final Set<Path> uploading = ConcurrentHashMap.newKeySet();

    public static class UploadRsp extends AgentResponse {
        public String path;
        public long size;
    }

    @Override
    public AgentResponse handle(Map<String, String> query, Map<String, String> headers, InputStream body,
                                AgentContext ctx) throws IOException {
        InstallPaths.check(query.get("path"), "path");
        // resolved: a link inside the root must not carry the write elsewhere; the .part file is checked the same way
        Path target = ctx.allowedRoots().confine(query.get("path"), "path");
        ctx.allowedRoots().confine(InstallPaths.partOf(target), "path");
        long size = size(query.get("size"));
        if (!uploading.add(target)) {
            throw new AgentException("an upload to " + target + " is already running");
        }
        Path part = InstallPaths.partOf(target);
        long start = System.nanoTime();
        try {
            Files.createDirectories(target.getParent());
            long received = receive(body, part, size);
            if (received != size) {
                throw new AgentException(String.format("upload to %s ended after %d of %d bytes", target, received, size));
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        } finally {
            uploading.remove(target);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        logger.info(String.format("received %s: %d bytes in %.1f s", target, size, seconds));
        UploadRsp rsp = new UploadRsp();
        rsp.path = target.toString();
        rsp.size = size;
        return rsp;
    }

    private static long size(String s) {
        try {
            long size = Long.parseLong(s);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // answered below
        }
        throw new AgentException("size must be the body's length in bytes, got " + s);
    }

    /** @return the bytes received; stops reading one byte past {@code size}, which is already too many */
    private static long receive(InputStream body, Path part, long size) throws IOException {
        byte[] buf = new byte[BUFFER];
        long received = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            int n;
            while (received <= size && (n = readBody(body, buf, (int) Math.min(buf.length, size - received + 1),
                    received, size)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                received += n;
            }
            if (received == size) {
                // durable before the rename makes it the volume
                out.force(true);
            }
        }
        return received;
    }

    /** A broken connection is the sender's doing (a canceled job), not a fault of this agent: one line, no trace. */
    private static int readBody(InputStream body, byte[] buf, int len, long received, long size) {
        try {
            return body.readNBytes(buf, 0, len);
        } catch (IOException e) {
            throw new AgentException(String.format("upload broken off after %d of %d bytes: %s", received, size,
                    e.getMessage()));
        }
    }
}
