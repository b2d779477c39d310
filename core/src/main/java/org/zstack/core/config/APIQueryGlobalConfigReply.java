package org.zstack.core.config;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryGlobalConfigReply extends APIQueryReply {
}
