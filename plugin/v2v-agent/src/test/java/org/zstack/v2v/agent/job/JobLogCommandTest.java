package org.zstack.v2v.agent.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.testsupport.RecordingContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JobLogCommandTest {
    static final String JOB = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path storage;

    private JobLogCommand.LogRsp read(String name, long tail) throws Exception {
        JobLogCommand.LogCmd cmd = new JobLogCommand.LogCmd();
        cmd.jobUuid = JOB;
        cmd.storagePath = storage.toString();
        cmd.name = name;
        cmd.tailBytes = tail;
        return (JobLogCommand.LogRsp) new JobLogCommand().handle(cmd, new RecordingContext(List.of(storage.toString())));
    }

    @Test
    void aRunningJobsLogIsReadInItsDirectoryAndAnEndedOnesWhereItWasKept() throws Exception {
        Path running = Files.createDirectories(storage.resolve(JOB)).resolve("virt-v2v.log");
        Files.writeString(running, "[   0.0] Setting up the source\n[  12.3] Converting\n");
        JobLogCommand.LogRsp rsp = read(null, 0);
        assertEquals(running.toString(), rsp.path);
        assertFalse(rsp.truncated);
        assertEquals("[   0.0] Setting up the source\n[  12.3] Converting\n", rsp.content);

        // the cleanup moved it: the job's directory is gone
        Path kept = Files.createDirectories(storage.resolve("logs").resolve(JOB)).resolve("virt-v2v.log");
        Files.move(running, kept);
        Files.delete(storage.resolve(JOB));
        rsp = read("virt-v2v.log", 0);
        assertEquals(kept.toString(), rsp.path);
        assertEquals(Files.size(kept), rsp.size);
    }

    @Test
    void aTailStartsAtAWholeLineAndSaysItIsATail() throws Exception {
        Path kept = Files.createDirectories(storage.resolve("logs").resolve(JOB)).resolve("guest-network.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("line ").append(i).append(" ünïcode\n");
        }
        Files.writeString(kept, sb, StandardCharsets.UTF_8);
        JobLogCommand.LogRsp rsp = read("guest-network.log", 100);
        assertTrue(rsp.truncated);
        assertEquals(Files.size(kept), rsp.size);
        assertTrue(rsp.content.endsWith("line 999 ünïcode\n"), rsp.content);
        assertTrue(rsp.content.startsWith("line "), "no cut first line: " + rsp.content);
        assertTrue(rsp.content.getBytes(StandardCharsets.UTF_8).length <= 100);
    }

    @Test
    void onlyTheJobsOwnLogsAreRead() throws Exception {
        Files.createDirectories(storage.resolve(JOB));
        Files.writeString(storage.resolve("secret.txt"), "not a log");
        AgentException e = assertThrows(AgentException.class, () -> read("../secret.txt", 0));
        assertTrue(e.getMessage().contains("no log named ../secret.txt"), e.getMessage());
        // a link in place of a log is not followed
        Files.createSymbolicLink(storage.resolve(JOB).resolve("virt-v2v.log"), storage.resolve("secret.txt"));
        e = assertThrows(AgentException.class, () -> read(null, 0));
        assertTrue(e.getMessage().contains("has no virt-v2v.log"), e.getMessage());
        // and the job key is a plain name
        JobLogCommand.LogCmd cmd = new JobLogCommand.LogCmd();
        cmd.jobUuid = "../..";
        cmd.storagePath = storage.toString();
        assertThrows(AgentException.class, () -> new JobLogCommand().handle(cmd, new RecordingContext(List.of(storage.toString()))));
    }
}
