package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v2v/job/state}: what this agent holds of a job, for a management node that takes the job over from a
 * node that died: the commands of the job still running (sending one again attaches to its run, see
 * {@link OneRunPerJob}) and the work finished (disks with a done marker, a finished conversion), which the commands
 * sent again answer from without doing it twice.
 */
public class JobStateCommand implements CommandHandler<JobStateCommand.StateCmd> {
    public static final String PATH = "/v2v/job/state";
    private static final Pattern DONE_DISK = Pattern.compile("disk-(\\d+)\\.done");

    public static class StateCmd {
        public String jobUuid;
        public String storagePath;
    }

    public static class StateRsp extends AgentResponse {
        /** Paths of the job's commands running now, e.g. {@code /v2v/job/transfer}. */
        public List<String> running = new ArrayList<>();
        /** Indexes of the disks transferred in full. */
        public List<Integer> transferredDisks = new ArrayList<>();
        public boolean converted;
        /** Whether the job's directory exists at all. */
        public boolean exists;
    }

    private final OneRunPerJob runs;

    public JobStateCommand(OneRunPerJob runs) {
        this.runs = runs;
    }

    @Override
    public AgentResponse handle(StateCmd cmd, AgentContext ctx) throws IOException {
        if (cmd.jobUuid == null || cmd.jobUuid.isBlank()) {
            throw new AgentException("jobUuid is required");
        }
        JobDirectory dir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid);
        StateRsp rsp = new StateRsp();
        rsp.running.addAll(runs.running(cmd.jobUuid));
        Path p = dir.path();
        rsp.exists = Files.isDirectory(p);
        if (rsp.exists) {
            try (var files = Files.list(p)) {
                files.map(f -> DONE_DISK.matcher(f.getFileName().toString())).filter(Matcher::matches)
                        .map(m -> Integer.parseInt(m.group(1))).sorted().forEach(rsp.transferredDisks::add);
            }
            rsp.converted = Files.isRegularFile(p.resolve(org.zstack.v2v.agent.convert.ConvertCommand.DONE_MARKER));
        }
        return rsp;
    }
}
