package org.zstack.header.longjob;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * As in ZStack: removes what a job stuck in Canceling left behind (its LongJob's clean) and ends it Canceled. Only a
 * Canceling job whose run no longer runs on this node, of a kind that can clean, is cleaned (LONG_JOB.1004 and
 * LONG_JOB.1003 otherwise).
 */
@RestRequest(path = "/longjobs/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APICleanLongJobEvent.class)
public class APICleanLongJobMsg extends APIMessage implements LongJobMessage {
    @APIParam(resourceType = LongJobVO.class)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getLongJobUuid() { return uuid; }
}
