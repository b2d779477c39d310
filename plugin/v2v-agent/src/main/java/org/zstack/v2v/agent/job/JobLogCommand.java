package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code POST /v2v/job/log}: the end of one of a job's logs, for the console's job detail and the CLI. The log is
 * read where it is: in the job's directory while the job runs, under {@code logs/<job>/} once the job ended (its
 * cleanup keeps them there). Only the logs the agent writes are named, and only regular files are read, so the
 * command cannot be turned into a reader of other files.
 */
public class JobLogCommand implements CommandHandler<JobLogCommand.LogCmd> {
    public static final String PATH = "/v2v/job/log";
    /** The logs a job has: virt-v2v's, the guest network step's, and the previous run's virt-v2v log. */
    static final Set<String> LOGS = Set.of("virt-v2v.log", "virt-v2v.log.1", "guest-network.log");
    static final long MAX_TAIL = 4L << 20;

    public static class LogCmd {
        public String jobUuid;
        public String storagePath;
        /** One of {@link #LOGS}; virt-v2v.log when absent. */
        public String name;
        /** At most this many bytes from the end. */
        public long tailBytes;
    }

    public static class LogRsp extends AgentResponse {
        /** Where the log was read: the path an operator opens on the conversion host. */
        public String path;
        /** The log's whole size. */
        public long size;
        /** Only its last tailBytes are in content. */
        public boolean truncated;
        public String content;
    }

    @Override
    public AgentResponse handle(LogCmd cmd, AgentContext ctx) throws IOException {
        String name = cmd.name == null || cmd.name.isBlank() ? "virt-v2v.log" : cmd.name;
        if (!LOGS.contains(name)) {
            throw new AgentException("a job has no log named " + name + "; it has " + LOGS);
        }
        long tail = cmd.tailBytes <= 0 ? 64 << 10 : Math.min(cmd.tailBytes, MAX_TAIL);
        JobDirectory dir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid);
        Path log = firstRegularFile(dir.path().resolve(name), dir.keptLogDir().resolve(name));
        if (log == null) {
            throw new AgentException(String.format("job %s has no %s on this conversion host (looked in %s and %s)",
                    cmd.jobUuid, name, dir.path(), dir.keptLogDir()));
        }
        LogRsp rsp = new LogRsp();
        rsp.path = log.toString();
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            rsp.size = f.length();
            long from = Math.max(0, rsp.size - tail);
            rsp.truncated = from > 0;
            byte[] b = new byte[(int) (rsp.size - from)];
            f.seek(from);
            f.readFully(b);
            rsp.content = decode(b, rsp.truncated);
        }
        return rsp;
    }

    /** Null when neither is a regular file; links are not followed (the job's directory holds none of its own). */
    private static Path firstRegularFile(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
        return null;
    }

    /** Logs are UTF-8 but a tail may start inside a character, and a tool may write other bytes: replace, never fail. */
    private static String decode(byte[] b, boolean truncated) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String s = decoder.decode(java.nio.ByteBuffer.wrap(b)).toString();
            // a cut first line is noise: start at the next whole line
            int nl = truncated ? s.indexOf('\n') : -1;
            return nl >= 0 ? s.substring(nl + 1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
