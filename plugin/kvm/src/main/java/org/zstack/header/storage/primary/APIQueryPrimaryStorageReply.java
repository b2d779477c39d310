package org.zstack.header.storage.primary;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryPrimaryStorageReply extends APIQueryReply {
}
