package org.zstack.apigen.sample;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryThingReply extends APIQueryReply {
}
