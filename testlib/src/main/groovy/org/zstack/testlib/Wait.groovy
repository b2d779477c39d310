package org.zstack.testlib

/** Waiting in a test for what the node does on its own time (a host reconnects, a periodic sync runs). */
final class Wait {
    private Wait() {
    }

    /** Polls condition every 100 ms; fails the test when it is still false after timeoutMs. */
    static void until(long timeoutMs = 30000, Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + timeoutMs
        while (!condition()) {
            assert System.currentTimeMillis() < deadline: "condition not met within ${timeoutMs} ms"
            Thread.sleep(100)
        }
    }
}
