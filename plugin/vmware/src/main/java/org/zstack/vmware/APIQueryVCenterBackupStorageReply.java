package org.zstack.vmware;

import org.zstack.header.query.APIQueryReply;
import org.zstack.header.rest.RestResponse;

@RestResponse(fieldsTo = {"all"})
public class APIQueryVCenterBackupStorageReply extends APIQueryReply {
}
