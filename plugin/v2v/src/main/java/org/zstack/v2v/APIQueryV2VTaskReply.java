package org.zstack.v2v;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryV2VTaskReply extends APIQueryReply {
}
