package org.zstack.testlib.longjob

import org.zstack.header.message.APIMessage

/** The job data of TestLongJob; never sent as an API itself, it only names the job (jobName APITestLongJobMsg). */
class APITestLongJobMsg extends APIMessage {
    /** Wait for TestLongJob.release(key) (or cancel) before finishing. */
    String key
    boolean block
    boolean fail
}
