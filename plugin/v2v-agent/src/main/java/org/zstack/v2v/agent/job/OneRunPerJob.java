package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * At most one run of a job's command at a time. The same command for the same job sent while a run is under way
 * (the management node that sent it died, and the node that took the job over sends it again) does not start a
 * second copy next to the first: it waits for the run under way and answers its result. The first run's own answer
 * still goes to its callback URL, where nobody listens any more.
 */
public final class OneRunPerJob {
    private static final Logger logger = Logger.getLogger(OneRunPerJob.class.getName());

    private final Map<String, CompletableFuture<AgentResponse>> runs = new ConcurrentHashMap<>();

    /** The handler of the command at path, keyed on the job its commands name. */
    public <T> CommandHandler<T> wrap(String path, Function<T, String> jobUuidOf, CommandHandler<T> handler) {
        return (cmd, ctx) -> run(path, jobUuidOf.apply(cmd), cmd, ctx, handler);
    }

    /** The paths of the job's commands now running, sorted. */
    public Set<String> running(String jobUuid) {
        Set<String> paths = new TreeSet<>();
        String prefix = jobUuid + " ";
        runs.keySet().forEach(k -> {
            if (k.startsWith(prefix)) {
                paths.add(k.substring(prefix.length()));
            }
        });
        return paths;
    }

    private <T> AgentResponse run(String path, String jobUuid, T cmd, AgentContext ctx, CommandHandler<T> handler) throws Exception {
        if (jobUuid == null) {
            // the handler refuses it with its own message
            return handler.handle(cmd, ctx);
        }
        String key = jobUuid + " " + path;
        CompletableFuture<AgentResponse> mine = new CompletableFuture<>();
        CompletableFuture<AgentResponse> running = runs.putIfAbsent(key, mine);
        if (running != null) {
            logger.info(String.format("job %s: %s is already running (sent by a node that is gone?): attached to that run",
                    jobUuid, path));
            try {
                return running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
        }
        try {
            AgentResponse rsp = handler.handle(cmd, ctx);
            mine.complete(rsp);
            return rsp;
        } catch (Exception | Error t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            runs.remove(key, mine);
        }
    }
}
