package org.zstack.agent.runtime;

import org.zstack.agent.AgentConfig;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar kvm-agent.jar [options]}: starts the agent and runs until SIGTERM/SIGINT. */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // must happen before anything touches java.util.logging; see KeepLogsLogManager
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", KeepLogsLogManager.class.getName());
        }
        AgentConfig config;
        try {
            config = AgentOptions.parse(args, System.getProperties());
        } catch (AgentOptions.HelpRequested h) {
            System.out.println(AgentOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("kvm-agent: " + e.getMessage());
            System.err.println(AgentOptions.USAGE);
            System.exit(2);
            return;
        }

        AgentServer server = new AgentServer(config);
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("kvm-agent failed to start on " + config.host() + ":" + config.port() + ": " + e);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "agent-shutdown"));
        // all agent threads are daemons; main keeps the JVM alive until a signal starts the shutdown hook
        stopped.await();
    }

    /**
     * The JDK's LogManager closes every handler in its own shutdown hook, which may run before ours, so the
     * lines of an orderly stop (SIGTERM) would be lost. The agent never reloads logging configuration, so a
     * reset that does nothing costs nothing; AgentServer.stop removes and closes its own handlers.
     */
    public static final class KeepLogsLogManager extends java.util.logging.LogManager {
        @Override
        public void reset() {
        }
    }
}
