package org.zstack.testlib

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.classic.spi.ThrowableProxyUtil
import ch.qos.logback.core.AppenderBase
import org.slf4j.LoggerFactory

import java.util.concurrent.ConcurrentLinkedQueue

/**
 * Every log line of this JVM while attached to the root logger: level, logger, formatted message and any stack
 * trace. A node in the test's JVM logs here too, so a case can check what it logged (an order of events, that no
 * secret ever was).
 */
class LogCapture extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>()

    LogCapture attach() {
        setName("test-log-capture")
        setContext((LoggerContext) LoggerFactory.getILoggerFactory())
        start()
        root().addAppender(this)
        return this
    }

    void detach() {
        root().detachAppender(this)
        stop()
    }

    private static Logger root() {
        (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
    }

    @Override
    protected void append(ILoggingEvent e) {
        String line = "${e.level} ${e.loggerName} ${e.formattedMessage}"
        if (e.throwableProxy != null) {
            line += "\n" + ThrowableProxyUtil.asString(e.throwableProxy)
        }
        lines.add(line)
    }

    List<String> containing(String s) {
        lines.toList().findAll { it.contains(s) }
    }

    /** All captured lines as one text, one line a log event. */
    String getText() {
        lines.join("\n")
    }
}
