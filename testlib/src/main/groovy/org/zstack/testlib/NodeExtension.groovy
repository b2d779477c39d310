package org.zstack.testlib

import org.junit.jupiter.api.extension.AfterAllCallback
import org.junit.jupiter.api.extension.BeforeAllCallback
import org.junit.jupiter.api.extension.ExtensionContext
import org.zstack.sdk.AbstractAction
import org.zstack.sdk.UpdateGlobalConfigAction

/**
 * The management node of an integration case, its admin session and, when asked for, the log it writes: started
 * before the case's first test and stopped after its last one.
 * <pre>
 *   @RegisterExtension
 *   static final NodeExtension zstack = new NodeExtension()
 *   ...
 *   ZoneInventory z = zstack.ok(new CreateZoneAction(name: "z")).inventory
 * </pre>
 * An environment built in a case's own {@code @BeforeAll} (it needs the case's options first) calls
 * {@link #start} and {@link #stop} itself.
 */
class NodeExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> properties
    private LogCapture log
    TestNode node
    /** The admin's session; {@link #login} replaces it (e.g. after a password change ended it). */
    String session

    /** properties: what the node's zstack.properties gets besides its own data directory, port and database. */
    NodeExtension(Map<String, String> properties = [:]) {
        this.properties = properties
    }

    /** Captures every log line of this JVM from before the node boots until after it stops. */
    NodeExtension capturingLog() {
        log = new LogCapture()
        return this
    }

    @Override
    void beforeAll(ExtensionContext context) {
        start()
    }

    @Override
    void afterAll(ExtensionContext context) {
        stop()
    }

    NodeExtension start() {
        log?.attach()
        node = TestNode.start(properties)
        login()
        return this
    }

    void stop() {
        try {
            node?.stop()
            node = null
        } finally {
            log?.detach()
        }
    }

    /** Logs the admin in again and keeps the new session. */
    String login() {
        session = node.login()
        return session
    }

    /** What the node logged; only with {@link #capturingLog}. */
    LogCapture getLog() {
        assert log != null: "this node's log is not captured: build the extension with capturingLog()"
        return log
    }

    void updateGlobalConfig(String category, String name, String value) {
        ok(new UpdateGlobalConfigAction(category: category, name: name, value: value))
    }

    /** {@link ApiCalls#ok}, with this node's session unless the action brings its own credentials. */
    def <T> T ok(AbstractAction action) {
        if (action.sessionId == null && action.accessKeyId == null) {
            action.sessionId = session
        }
        return ApiCalls.ok(action)
    }
}
