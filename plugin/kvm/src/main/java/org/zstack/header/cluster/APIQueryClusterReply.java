package org.zstack.header.cluster;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryClusterReply extends APIQueryReply {
}
