package org.zstack.agent;

/**
 * Runs one command. A sync request waits for it; an async one (taskuuid + callbackurl headers) runs it on a
 * worker thread and posts the result to the callback URL.
 *
 * <p>Throwing is the normal way to fail: the runtime turns any exception into {@code success:false} with a
 * one-line {@code error}. Throw {@link AgentException} for expected failures, whose message is shown as is.
 * Returning {@code null} means a plain successful {@link AgentResponse}.
 */
@FunctionalInterface
public interface CommandHandler<T> {
    AgentResponse handle(T cmd, AgentContext ctx) throws Exception;
}
