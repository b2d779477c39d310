package org.zstack.v2v.agent.testsupport;

import org.zstack.agent.AgentConfig;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AllowedRoots;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An agent context that keeps the progress reports a command makes, instead of posting them to a node. */
public final class RecordingContext implements AgentContext {
    public record Report(long atNanos, String apiId, int percent, String taskName, Map<String, Object> detail) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final AllowedRoots roots;

    /** Allows the JVM's temporary directory, where the tests' @TempDir directories are. */
    public RecordingContext() {
        this(List.of(System.getProperty("java.io.tmpdir")));
    }

    public RecordingContext(List<String> roots) {
        this.roots = AllowedRoots.of(roots);
    }

    public List<Report> reports() {
        return reports;
    }

    @Override
    public String path() {
        return "/test";
    }

    @Override
    public String taskUuid() {
        return null;
    }

    @Override
    public String resourceUuid() {
        return null;
    }

    @Override
    public AgentConfig config() {
        return null;
    }

    @Override
    public AllowedRoots allowedRoots() {
        return roots;
    }

    @Override
    public String connectedHostUuid() {
        return null;
    }

    @Override
    public String sendCommandUrl() {
        return null;
    }

    @Override
    public void markConnected(String hostUuid, String sendCommandUrl) {
    }

    @Override
    public boolean reportProgress(String apiId, int percent, String taskName, Map<String, Object> detail) {
        reports.add(new Report(System.nanoTime(), apiId, percent, taskName, Map.copyOf(detail)));
        return true;
    }
}
