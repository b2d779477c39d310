package org.zstack.header.longjob;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryLongJobReply extends APIQueryReply {
}
