package org.zstack.v2v;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = V2VConversionHostInventory.class, replyClass = APIQueryV2VConversionHostReply.class)
@RestRequest(path = "/v2v-conversion-hosts", optionalPaths = {"/v2v-conversion-hosts/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryV2VConversionHostReply.class)
public class APIQueryV2VConversionHostMsg extends APIQueryMessage {
}
