package org.zstack.testlib.rest

import org.zstack.header.message.APIMessage
import org.zstack.header.message.APIParam
import org.zstack.header.rest.HttpMethod
import org.zstack.header.rest.RestRequest

/**
 * A test-only asynchronous API (test nodes only: testlib is on no production classpath). It answers with what it
 * received, so a case can see how the REST server built the message (id, tags); with a key it stays running until
 * TestApiService.release(key), so a case can watch a job that is still being processed; with fail it fails; with
 * crash its service throws, as a bug would.
 */
@RestRequest(path = "/testlib/echo", method = HttpMethod.POST, parameterName = "params", responseClass = APITestEchoEvent)
class APITestEchoMsg extends APIMessage {
    @APIParam(required = false, maxLength = 255)
    String text
    /** Block until TestApiService.release(key). */
    @APIParam(required = false, maxLength = 64)
    String key
    @APIParam(required = false)
    Boolean fail
    @APIParam(required = false)
    Boolean crash
}
