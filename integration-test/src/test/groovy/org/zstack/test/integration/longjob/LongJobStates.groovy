package org.zstack.test.integration.longjob

import org.zstack.core.db.DatabaseFacade
import org.zstack.header.longjob.LongJobVO

/**
 * Watches one long job's row from outside the manager (a direct read every millisecond) and keeps the distinct
 * states it went through, so a case can check the path as well as the end: a job only moves forward, and never
 * leaves a final state. Sampling may miss a short-lived state, so "forward" means "reachable", not "adjacent".
 */
class LongJobStates {
    static final Set<String> FINAL = ["Succeeded", "Failed", "Canceled"] as Set

    /** Where each state may lead, directly; a final state leads nowhere. */
    static final Map<String, Set<String>> NEXT = [
            Waiting  : ["Running", "Failed", "Canceled", "Canceling"] as Set,
            Running  : ["Succeeded", "Failed", "Suspended", "Canceling", "Canceled", "Running"] as Set,
            Suspended: ["Running", "Failed", "Canceling", "Canceled"] as Set,
            Canceling: ["Canceled", "Succeeded"] as Set,
            Succeeded: [] as Set,
            Failed   : [] as Set,
            Canceled : [] as Set,
    ]

    private final List<String> seen = Collections.synchronizedList([])
    private volatile boolean stopped
    private final Thread thread

    LongJobStates(DatabaseFacade dbf, String uuid) {
        thread = Thread.start("watch-longjob-${uuid}") {
            while (!stopped) {
                try {
                    String s = dbf.findByUuid(uuid, LongJobVO)?.state?.toString()
                    if (s != null && (seen.isEmpty() || seen[-1] != s)) {
                        seen.add(s)
                    }
                } catch (Exception ignored) {
                    // the node is stopping; the next read tells
                }
                Thread.sleep(1)
            }
        }
    }

    /** Stops watching and returns the states seen, in order. */
    List<String> stop() {
        stopped = true
        thread.join(5000)
        return new ArrayList<>(seen)
    }

    static boolean reachable(String from, String to) {
        Set<String> done = [] as Set
        List<String> todo = [from]
        while (!todo.isEmpty()) {
            String s = todo.remove(0)
            for (String n : NEXT[s]) {
                if (n == to) {
                    return true
                }
                if (done.add(n)) {
                    todo.add(n)
                }
            }
        }
        return false
    }

    /** Every step forward, nothing after a final state, and the last state the one expected. */
    static void assertForward(List<String> states, String last) {
        assert !states.isEmpty()
        for (int i = 1; i < states.size(); i++) {
            assert !FINAL.contains(states[i - 1]): "left the final state ${states[i - 1]}: ${states}"
            assert reachable(states[i - 1], states[i]): "${states[i - 1]} -> ${states[i]} goes backwards: ${states}"
        }
        assert states[-1] == last: states.toString()
    }
}
