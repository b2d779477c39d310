package org.zstack.header.identity;

import org.zstack.header.message.APIReply;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APILogOutReply extends APIReply {
}
