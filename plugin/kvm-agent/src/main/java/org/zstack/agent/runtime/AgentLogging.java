package org.zstack.agent.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * java.util.logging, set up by code: no logging framework to ship to every host, and no logging.properties to
 * deploy. Everything under {@code org.zstack.agent} goes to stdout and to {@code <stateDir>/agent.log}.
 *
 * <p>The handlers belong to one agent instance and are removed when it stops, so tests may run several agents
 * in one JVM (each file then also holds the others' lines; a real host runs one agent per JVM).
 */
final class AgentLogging {
    /** The agent and its extensions (org.zstack.v2v.agent ...): one log for everything the agent runs. */
    static final String ROOT = "org.zstack";
    private static final Logger ROOT_LOGGER = Logger.getLogger(ROOT);

    private final List<Handler> handlers;

    private AgentLogging(List<Handler> handlers) {
        this.handlers = handlers;
    }

    static AgentLogging install(Path stateDir) throws IOException {
        Formatter fmt = new OneLineFormatter();
        // System.out may be replaced by a test runner later; write to the stream current at start
        Handler console = new FlushingHandler(System.out, fmt);
        OutputStream file = Files.newOutputStream(stateDir.resolve("agent.log"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        Handler fileHandler = new FlushingHandler(file, fmt);
        Level level = Level.parse(System.getProperty("agent.log.level", "INFO"));
        ROOT_LOGGER.setLevel(level);
        // without this, the JDK's root ConsoleHandler would print every line a second time on stderr
        ROOT_LOGGER.setUseParentHandlers(false);
        ROOT_LOGGER.addHandler(console);
        ROOT_LOGGER.addHandler(fileHandler);
        return new AgentLogging(List.of(console, fileHandler));
    }

    void uninstall() {
        for (Handler h : handlers) {
            ROOT_LOGGER.removeHandler(h);
            if (h instanceof FlushingHandler fh && fh.ownsStream) {
                h.close();
            } else {
                h.flush(); // never close System.out
            }
        }
    }

    /** Flushes every record: an agent killed with SIGKILL must still have its last lines on disk. */
    private static class FlushingHandler extends StreamHandler {
        final boolean ownsStream;

        FlushingHandler(OutputStream out, Formatter fmt) {
            super(out, fmt);
            this.ownsStream = !(out instanceof PrintStream);
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }

    /** {@code 2024-05-01 12:00:00.123 INFO [thread] Class: message}, then the stack trace if any. */
    private static final class OneLineFormatter extends Formatter {
        private static final DateTimeFormatter TS =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            sb.append(TS.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(r.getLevel().getName()).append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return sb.toString();
        }
    }
}
