package org.zstack.core.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Libraries print what passes through them at DEBUG and TRACE: Jetty dumps request buffers (login passwords,
 * Authorization headers), Hibernate logs bound parameters and flushed entities (password hashes, api-job results),
 * HikariCP and Spring their settings. None of that may reach a log, whatever level an operator sets, so every logger
 * outside org.zstack is capped at INFO. A turbo filter runs before any logger's own level and also answers
 * isDebugEnabled()/isTraceEnabled(), so those libraries do not even build the message.
 */
public class ThirdPartyLogCap extends TurboFilter {
    private static final String OURS = "org.zstack.";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != null && level.toInt() < Level.INFO_INT && !logger.getName().startsWith(OURS)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** For a logback configuration that does not name the filter (an embedding application's, a test's). */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        synchronized (ThirdPartyLogCap.class) {
            if (ctx.getTurboFilterList().stream().noneMatch(f -> f instanceof ThirdPartyLogCap)) {
                ThirdPartyLogCap cap = new ThirdPartyLogCap();
                cap.setName("third-party-log-cap");
                cap.setContext(ctx);
                cap.start();
                ctx.addTurboFilter(cap);
            }
        }
    }
}
