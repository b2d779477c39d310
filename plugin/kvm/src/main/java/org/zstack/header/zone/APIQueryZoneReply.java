package org.zstack.header.zone;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryZoneReply extends APIQueryReply {
}
