package org.zstack.testlib.longjob

import org.zstack.header.message.APIMessage

/** The job data of TestLongJob; never sent as an API itself, it only names the job (jobName APITestLongJobMsg). */
class APITestLongJobMsg extends APIMessage {
    /** Wait for TestLongJob.release(key) (or cancel) before finishing. */
    String key
    boolean block
    boolean fail
    /** Fail only the first run of this key (a rerun then succeeds). */
    boolean failOnce
    /** Fail start() with LONG_JOB.1002 (interrupted), which suspends the job; resume() then succeeds. */
    boolean interrupt
}
