package org.zstack.v2v.migration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The runs of this node's migration jobs, so a cancel reaches the one that runs (or waits for a slot). */
public class MigrationRuns {
    private final Map<String, MigrationRun> runs = new ConcurrentHashMap<>();

    public void add(String jobUuid, MigrationRun run) {
        runs.put(jobUuid, run);
    }

    public void remove(String jobUuid, MigrationRun run) {
        runs.remove(jobUuid, run);
    }

    public MigrationRun get(String jobUuid) {
        return runs.get(jobUuid);
    }

    public boolean isRunning(String jobUuid) {
        return runs.containsKey(jobUuid);
    }
}
