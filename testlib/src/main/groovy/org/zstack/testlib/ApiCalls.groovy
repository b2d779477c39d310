package org.zstack.testlib

import org.zstack.sdk.AbstractAction

/** SDK calls of the integration cases. */
final class ApiCalls {
    private ApiCalls() {
    }

    /**
     * Calls the API and gives its value; an error fails the test with the action's name and the node's error code,
     * description and details, so a failed setup step says which step and why.
     */
    static <T> T ok(AbstractAction action) {
        def r = action.call()
        if (r.error != null) {
            throw new AssertionError("${action.class.simpleName}: ${r.error}".toString())
        }
        return (T) r.value
    }
}
