package org.zstack.agent.testsupport;

import org.zstack.agent.AgentException;
import org.zstack.agent.AgentExtension;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandRegistry;
import org.zstack.agent.Secret;

import java.util.Map;

/**
 * An extension that exists only in tests, loaded through META-INF/services like any real one: proves the SPI
 * and gives the runtime tests commands that fail, report progress, carry secrets or take time.
 */
public class TestCommands implements AgentExtension {
    public static class BoomCmd {
        public String message;
    }

    public static class ProgressCmd {
        public String apiId;
        public int percent;
    }

    public static class ProgressResponse extends AgentResponse {
        public boolean delivered;
    }

    public static class Credentials {
        public String user;
        @Secret
        public String token;
    }

    public static class SecretCmd {
        public String vCenter;
        @Secret
        public String password;
        public Credentials nested;
    }

    public static class SlowCmd {
        public long millis;
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.register("/test/boom", BoomCmd.class, (cmd, ctx) -> {
            throw new IllegalStateException(cmd.message);
        });
        registry.register("/test/refuse", BoomCmd.class, (cmd, ctx) -> {
            throw new AgentException(cmd.message);
        });
        registry.register("/test/progress", ProgressCmd.class, (cmd, ctx) -> {
            ProgressResponse rsp = new ProgressResponse();
            rsp.delivered = ctx.reportProgress(cmd.apiId, cmd.percent, Map.of("phase", "transfer", "disk", 1));
            return rsp;
        });
        registry.register("/test/secret", SecretCmd.class, (cmd, ctx) -> null);
        registry.register("/test/slow", SlowCmd.class, (cmd, ctx) -> {
            Thread.sleep(cmd.millis);
            return null;
        });
    }
}
